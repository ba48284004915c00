// One-shot plain text (or JSON) of the same data the dashboard shows, for when stdout is not a
// terminal: a pipe, a cron job, `shipwatch | tee`. No raw mode, no escape sequences.
import type { Backend, PollIntervals } from '../domain/backend.js';
import { refKey } from '../domain/model.js';
import { initialState, type InitOptions } from '../app/reducers/rootReducer.js';
import type { TargetGroupHealth, TaskInfo } from '../domain/tasks.js';
import { anythingLoaded, releaseStart, selectEvidence, selectPlan, selectVerdict } from '../app/selectors.js';
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
      // Against the baseline; the error signatures need the dashboard's baseline read, so not here.
      releaseVerdict: selectEvidence(s) ?? null,
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

/** `3 healthy, 1 unhealthy (Target.Timeout)`: each state present, with the reasons ELB gives. */
function targetCounts(tg: TargetGroupHealth): string {
  const states = [...new Set(tg.targets.map((t) => t.state))];
  if (!states.length) return 'no targets';
  return states
    .map((st) => {
      const of = tg.targets.filter((t) => t.state === st);
      const reasons = [...new Set(of.flatMap((t) => (t.reason ? [t.reason] : [])))];
      return `${of.length} ${st}${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
    })
    .join(', ');
}

function taskLine(t: TaskInfo): string {
  const usage = t.cpuPct === undefined ? '' : `  cpu ${Math.round(t.cpuPct)}% mem ${Math.round(t.memoryPct ?? 0)}%`;
  const stop = t.stoppedReason ? `  ${t.stopCode ?? 'stopped'}: ${t.stoppedReason}` : '';
  return `${t.id.slice(0, 12).padEnd(12)} ${refKey(t.taskDefinition).padEnd(12)} ${t.lastStatus.padEnd(8)} ${t.health ?? ''}${usage}${stop}`;
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
  const evidence = selectEvidence(s);
  if (evidence) out.push(`Release verdict ${evidence.outcome}${evidence.reasons.map((r) => `\n  ${r}`).join('')}`);
  out.push('', 'Deployments');
  for (const d of s.service.data?.deployments ?? []) {
    out.push(
      `  ${d.status.padEnd(7)} ${refKey(d.taskDefinition).padEnd(12)} ${d.imageTags.join(',')}  desired ${d.desired} running ${d.running} pending ${d.pending} failed ${d.failed}  ${d.rolloutState ?? ''}`,
    );
  }
  if (s.service.error) out.push(`  error: ${s.service.error}`);
  for (const tg of s.targetHealth.data ?? []) out.push(`  target group ${tg.name}: ${targetCounts(tg)}`);
  const tasks = s.tasks.data?.tasks ?? [];
  if (tasks.length) out.push('', 'Tasks');
  for (const t of tasks.slice(0, 20)) out.push(`  ${taskLine(t)}`);
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
