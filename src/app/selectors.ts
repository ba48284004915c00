import { releaseEvidence, type ReleaseEvidence } from '../domain/health/releaseEvidence.js';
import { buildTimeline, type TimelineEntry } from '../domain/timeline.js';
import type { ReleaseSignals } from '../domain/signals.js';
import { refKey } from '../domain/model.js';
import { primaryDeployment } from '../domain/health/steady.js';
import {
  confirmRefusal,
  pickableRevisions,
  planRollback,
  type PickableRevision,
  type RollbackPlan,
} from '../domain/rollback.js';
import type { AppState, Slice } from './state.js';
import { verdict, type Verdict } from '../domain/verdict.js';

/** T+0 of the release watched: its deployment's creation time, which a rollback does not move. */
export const releaseStart = (s: AppState): number | undefined => s.release?.t0;

/** Whether any read has ever answered: after one has, refused credentials are a pane's error, not the end. */
export const anythingLoaded = (s: AppState): boolean =>
  [s.service, s.identity, s.alarms, s.metrics, s.cost].some((slice) => slice.updatedAt !== undefined) ||
  s.logs.received > 0;

/** The awslogs group of the PRIMARY deployment's task definition, when it has one. */
export function servingLogGroup(s: AppState): string | undefined {
  const svc = s.service.data;
  const primary = svc && primaryDeployment(svc);
  return primary && svc.taskDefinitions[refKey(primary.taskDefinition)]?.logGroup;
}

/** Memoised on the inputs' identities so subscribers get a stable object between changes. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let value: R;
  return (...args: A) => {
    if (!last || args.some((a, i) => a !== last![i])) {
      last = args;
      value = fn(...args);
    }
    return value;
  };
}

const planMemo = memo(
  (
    service: AppState['service'],
    op: AppState['rollback'],
    readOnly: boolean,
    release: AppState['release'],
    pick: AppState['ui']['rollbackPick'],
  ) => {
    // A service that has vanished (or never loaded) must not be rolled back from stale data.
    if (service.error && (!service.data || /not found/i.test(service.error))) return { refusal: service.error };
    if (service.data && !release) return { refusal: 'no release found in ECS records' };
    return planRollback(service.data, op, readOnly, release, pick);
  },
);
export const selectPlan = (s: AppState): RollbackPlan =>
  planMemo(s.service, s.rollback, s.readOnly, s.release, s.ui.rollbackPick);

const pickableMemo = memo((service: AppState['service']['data'], release: AppState['release']) =>
  service ? pickableRevisions(service, release) : [],
);
/** `R`'s list: the family's other ACTIVE revisions, newest first. */
export const selectPickable = (s: AppState): PickableRevision[] => pickableMemo(s.service.data, s.release);

/** Why `y` may not confirm now; the dialog, the key bar and the controller read this one answer. */
export const selectConfirmRefusal = (s: AppState, now = Date.now()): string | undefined =>
  confirmRefusal(selectPlan(s), s.rollback, {
    dataAgeMs: s.service.updatedAt === undefined ? undefined : now - s.service.updatedAt,
    shown: s.ui.rollbackShown,
  });

export const selectVerdict = (s: AppState): Verdict =>
  verdict({
    service: s.service.data,
    alarms: s.alarms.data,
    metrics: s.metrics.data,
    rollback: s.rollback,
    release: s.release,
  });

export interface Staleness {
  /** Age of the data shown, seconds; undefined when nothing ever arrived. */
  ageSec?: number;
  error?: string;
}

/** Below this, a fast source (the demo's logs at 250 ms) would flicker "stale" on one slow render. */
const MIN_STALE_MS = 3000;

/** Set once a slice is older than twice its interval (or never arrived and failed); undefined while fresh. */
export function staleness(
  slice: Pick<Slice<unknown>, 'updatedAt' | 'error'>,
  intervalMs: number,
  now: number,
): Staleness | undefined {
  if (slice.updatedAt === undefined) return slice.error ? { error: slice.error } : undefined;
  const age = now - slice.updatedAt;
  if (age <= Math.max(2 * intervalMs, MIN_STALE_MS)) return undefined;
  return { ageSec: Math.round(age / 1000), error: slice.error };
}

/** `45s: Rate exceeded`, `no data: AccessDenied…` */
export const stalenessText = (st: Staleness): string =>
  `${st.ageSec === undefined ? 'no data' : `${st.ageSec}s`}${st.error ? `: ${st.error}` : ''}`;

/** The evidence the checklist judges, read from the slices when a check runs. */
export const selectSignals = (s: AppState): ReleaseSignals => ({
  service: s.service.data,
  alarms: s.alarms.data,
  metrics: s.metrics.data,
  cost: s.cost.data,
  logs: s.logs.lines,
  evidence: selectEvidence(s),
});

const timelineMemo = memo(
  (release: AppState['release'], service: AppState['service']['data'], recorded: AppState['recorded']) =>
    buildTimeline(release, service, recorded),
);
/** The release from T+0: ECS's record and this target's audit entries, oldest first. */
export const selectTimeline = (s: AppState): TimelineEntry[] => timelineMemo(s.release, s.service.data, s.recorded);

const evidenceMemo = memo(
  (
    plan: AppState['verdictPlan'],
    t0: number | undefined,
    series: AppState['metrics']['data'],
    signatures: AppState['signatures']['summary'],
    service: AppState['service']['data'],
    alarms: AppState['alarms']['data'],
  ): ReleaseEvidence | undefined =>
    t0 === undefined ? undefined : releaseEvidence({ plan, releaseStart: t0, series, signatures, service, alarms }),
);
/** The release judged against its baseline (domain/health/releaseEvidence.ts); undefined before T+0 is known. */
export const selectEvidence = (s: AppState): ReleaseEvidence | undefined =>
  evidenceMemo(s.verdictPlan, s.release?.t0, s.metrics.data, s.signatures.summary, s.service.data, s.alarms.data);
