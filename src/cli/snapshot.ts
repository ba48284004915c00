// One-shot plain text (or JSON) of the same data the dashboard shows, for when stdout is not a
// terminal: a pipe, a cron job, `shipwatch | tee`. No raw mode, no escape sequences.
import type { Backend, PollIntervals } from '../domain/backend.js';
import { refKey } from '../domain/model.js';
import { initialState, type InitOptions } from '../app/reducers/rootReducer.js';
import { anythingLoaded, releaseStart, selectPlan, selectVerdict } from '../app/selectors.js';
import { CredentialsError } from '../domain/errors.js';
import { createSources } from '../app/sources.js';
import type { AppState } from '../app/state.js';
import { createStore } from '../app/store.js';
import { rollbackHint } from '../ui/rollbackText.js';
import { hms, levelTag, money } from '../ui/format.js';
import { valueWithUnit } from '../domain/units.js';
import { clock } from '../domain/releaseClock.js';

export async function collectSnapshot(
  backend: Backend,
  intervals: PollIntervals,
  init: InitOptions = {},
): Promise<AppState> {
  const store = createStore(initialState(init));
  const signal = new AbortController().signal;
  // In order: metrics need the release start that the service read provides.
  for (const source of createSources(backend, store, intervals)) {
    const refused = await source.run(signal).then(
      () => undefined,
      (e: unknown) => (e instanceof CredentialsError ? e : undefined),
    );
    // The first read is the credentials check: refused, there is nothing to show but the one line.
    if (refused && !anythingLoaded(store.getState())) throw refused;
  }
  return store.getState();
}

/** Without the service read there is nothing to judge: a snapshot says UNKNOWN, not the dashboard's LOADING. */
const snapshotVerdict = (s: AppState): string => (s.service.data ? selectVerdict(s) : 'UNKNOWN');

export function snapshotJson(s: AppState, backend: Backend): string {
  return JSON.stringify(
    {
      target: backend.target,
      backend: backend.kind,
      now: new Date(backend.now()).toISOString(),
      verdict: snapshotVerdict(s),
      rollback: {
        hint: rollbackHint(selectPlan(s), s.rollback),
        target: selectPlan(s).target?.ref ?? null,
        refusal: selectPlan(s).refusal ?? null,
      },
      release: s.release ?? null,
      identity: s.identity.data ?? null,
      service: s.service.data ?? null,
      alarms: s.alarms.data ?? null,
      metrics: s.metrics.data ?? null,
      cost: s.cost.data ?? null,
      logs: s.logs.lines,
      errors: Object.fromEntries(
        (['identity', 'service', 'alarms', 'metrics', 'cost'] as const).flatMap((k) =>
          s[k].error ? [[k, s[k].error]] : [],
        ),
      ),
    },
    null,
    2,
  );
}

export function snapshotText(s: AppState, backend: Backend): string {
  const now = backend.now();
  const start = releaseStart(s);
  const out: string[] = [];
  const { cluster, service, region } = backend.target;
  out.push(
    `shipwatch ${service} @ ${cluster} (${region})${backend.kind === 'demo' ? ' [demo]' : ''} account ${s.identity.data?.account ?? '?'}`,
  );
  out.push(
    `${start === undefined ? 'T+?' : clock(now - start)}  ${snapshotVerdict(s)}  ${rollbackHint(selectPlan(s), s.rollback)}`,
  );
  out.push('', 'Deployments');
  for (const d of s.service.data?.deployments ?? []) {
    out.push(
      `  ${d.status.padEnd(7)} ${refKey(d.taskDefinition).padEnd(12)} ${d.imageTags.join(',')}  desired ${d.desired} running ${d.running} pending ${d.pending} failed ${d.failed}  ${d.rolloutState ?? ''}`,
    );
  }
  if (s.service.error) out.push(`  error: ${s.service.error}`);
  out.push('', 'Alarms');
  for (const a of s.alarms.data ?? []) out.push(`  ${a.state.padEnd(17)} ${a.name}`);
  out.push('', 'Metrics');
  for (const m of s.metrics.data ?? []) {
    const cur = m.current === undefined ? '-' : valueWithUnit(m.current, m.unit);
    out.push(
      `  ${m.label.padEnd(10)} ${cur}${m.threshold !== undefined ? ` (threshold ${m.threshold})` : ''}${m.baseline ? ` baseline ${valueWithUnit(m.baseline, m.unit)}` : ''}`,
    );
  }
  const cost = s.cost.data;
  out.push('', 'Cost');
  if (cost)
    out.push(
      `  today ${money(cost.days.at(-1)?.total ?? 0)}  month to date ${money(cost.monthToDate)}${cost.forecastMonth ? `  forecast ${money(cost.forecastMonth)}` : ''}`,
    );
  out.push('', 'Logs (newest last)');
  for (const e of s.logs.lines.slice(-20)) out.push(`  ${hms(e.timestamp)} ${levelTag(e)}${e.message}`);
  return `${out.join('\n')}\n`;
}
