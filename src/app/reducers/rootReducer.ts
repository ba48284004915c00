import { isDeepStrictEqual } from 'node:util';
import type { Action, SourceId } from '../actions.js';
import type { Alarm, ChecklistStepDef } from '../../domain/model.js';
import { alarmChanges, changedSince } from '../../domain/health/alarms.js';
import type { AppState, SignaturesState, Slice } from '../state.js';
import { DEFAULT_VERDICT_PLAN, type VerdictPlan } from '../../domain/health/verdictPlan.js';
import { initialLogs, initialLogView, logsReducer, logViewReducer } from './logsReducer.js';
import { initialUi, uiReducer } from './uiReducer.js';
import { byPhase } from '../../checklist/builtIns.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { KnownRollback, Release } from '../../domain/release.js';
import { releaseReducer } from './releaseReducer.js';

const emptySlice = <T>(): Slice<T> => ({ status: 'loading' });

export interface InitOptions {
  readOnly?: boolean;
  logCapacity?: number;
  checklist?: ChecklistStepDef[];
  /** First message on the key bar, e.g. that the demo started because no AWS target was given. */
  notice?: string;
  /** The release an earlier run watched (persisted in the state directory). */
  release?: Release;
  /** Rollbacks the audit log records for this target. */
  knownRollbacks?: KnownRollback[];
  releasePick?: string;
  /** This target's audit entries from earlier runs, for the timeline. */
  recorded?: AuditEntry[];
  verdictPlan?: VerdictPlan;
}

/** Entries kept for the timeline: a release's worth of checks, alarms and rollbacks. */
export const RECORDED_CAP = 1000;

export const initialState = (opts: InitOptions = {}): AppState => ({
  identity: emptySlice(),
  service: emptySlice(),
  alarms: emptySlice(),
  metrics: emptySlice(),
  cost: emptySlice(),
  tasks: emptySlice(),
  targetHealth: emptySlice(),
  signatures: { rows: [], baseline: { status: 'waiting' } },
  verdictPlan: opts.verdictPlan ?? DEFAULT_VERDICT_PLAN,
  logs: initialLogs(opts.logCapacity),
  logView: initialLogView,
  ui: { ...initialUi, notice: opts.notice },
  rollback: { phase: 'idle' },
  checklist: { steps: byPhase(opts.checklist ?? []), results: {} },
  alarmTransitions: {},
  readOnly: opts.readOnly ?? false,
  release: opts.release,
  knownRollbacks: opts.knownRollbacks ?? [],
  releasePick: opts.releasePick,
  recorded: (opts.recorded ?? []).slice(-RECORDED_CAP),
});

function signaturesReducer(s: SignaturesState, action: Action): SignaturesState {
  if (action.type === 'signatures/updated') return { ...s, rows: action.rows, summary: action.summary };
  if (action.type === 'signatures/baseline') return { ...s, baseline: action.baseline };
  return s;
}

function sliceReducer<T>(slice: Slice<T>, action: Action, id: SourceId): Slice<T> {
  if (action.type === 'source/loaded' && action.source === id) {
    // The same answer as last time keeps its identity: only the fetch time moves, and no pane redraws.
    const data = isDeepStrictEqual(slice.data, action.data) ? slice.data : (action.data as T);
    return { data, status: 'ok', updatedAt: action.at, failedAt: undefined };
  }
  if (action.type === 'source/failed' && action.source === id) {
    // Keep the last good data: a stale number beats a blank pane in an incident.
    return { ...slice, status: 'error', error: action.error, failedAt: action.at };
  }
  return slice;
}

/**
 * Alarm names whose state changed since T+0, stamped with when: those CloudWatch says changed after
 * T+0 (before shipwatch opened, too) and those seen changing between polls.
 */
export function trackTransitions(
  prev: Alarm[] | undefined,
  next: Alarm[],
  seen: Record<string, number>,
  t0?: number,
): Record<string, number> {
  // A new T+0 forgets the marks of the release before it.
  let out = t0 === undefined ? seen : Object.fromEntries(Object.entries(seen).filter(([, at]) => at >= t0));
  if (Object.keys(out).length === Object.keys(seen).length) out = seen;
  for (const c of alarmChanges(prev, next)) out = { ...out, [c.name]: c.at };
  for (const a of next)
    if (changedSince(a, t0) && out[a.name] === undefined) out = { ...out, [a.name]: a.stateUpdatedAt };
  return out;
}

export function rootReducer(state: AppState, action: Action): AppState {
  const alarms = sliceReducer(state.alarms, action, 'alarms');
  const logs = logsReducer(state.logs, action);
  const release = releaseReducer(state, action);
  const t0 = release.release?.t0;
  const next: AppState = {
    ...state,
    identity: sliceReducer(state.identity, action, 'identity'),
    service: sliceReducer(state.service, action, 'service'),
    alarms,
    metrics: sliceReducer(state.metrics, action, 'metrics'),
    cost: sliceReducer(state.cost, action, 'cost'),
    tasks: sliceReducer(state.tasks, action, 'tasks'),
    targetHealth: sliceReducer(state.targetHealth, action, 'targetHealth'),
    signatures: signaturesReducer(state.signatures, action),
    logs,
    logView: logViewReducer(state.logView, action, logs.received),
    ui: uiReducer(state.ui, action, state.checklist.steps.length),
    ...release,
    recorded:
      action.type === 'audit/recorded' ? [...state.recorded, action.entry].slice(-RECORDED_CAP) : state.recorded,
    checklist:
      action.type === 'checklist/result'
        ? { ...state.checklist, results: { ...state.checklist.results, [action.id]: action.result } }
        : state.checklist,
    // Again when T+0 becomes known or moves: alarms read before the service must still be marked.
    alarmTransitions:
      alarms.data && (alarms.data !== state.alarms.data || t0 !== state.release?.t0)
        ? trackTransitions(
            alarms.data !== state.alarms.data ? state.alarms.data : undefined,
            alarms.data,
            state.alarmTransitions,
            t0,
          )
        : state.alarmTransitions,
  };
  // Unchanged slices keep their identity so selectors do not wake their panes.
  return (Object.keys(next) as (keyof AppState)[]).every((k) => next[k] === state[k]) ? state : next;
}
