// Built-in checklist steps: judgements over the dashboard's own data, so they cost no extra request.
import { firingNames } from '../domain/health/alarms.js';
import { isErrorLine } from '../domain/health/errorLines.js';
import { isSteady, steadyDetail } from '../domain/health/steady.js';
import { isBelow } from '../domain/health/thresholds.js';
import type { ChecklistStepDef } from '../domain/model.js';
import type { ReleaseSignals } from '../domain/signals.js';
import { valueWithUnit } from '../domain/units.js';

export interface CheckOutcome {
  passed: boolean;
  output: string;
}

export type BuiltInKind = 'ecs-steady' | 'alarms-ok' | 'no-log-errors' | 'metric-below' | 'cost-within' | 'verdict';
export const BUILT_IN_KINDS: readonly BuiltInKind[] = [
  'ecs-steady',
  'alarms-ok',
  'no-log-errors',
  'metric-below',
  'cost-within',
  'verdict',
];
export const isBuiltIn = (step: ChecklistStepDef): step is ChecklistStepDef & { kind: BuiltInKind } =>
  (BUILT_IN_KINDS as readonly string[]).includes(step.kind);

/** `a` runs these: HTTP checks and built-ins. Commands run only when started one by one; manual steps are ticked. */
export const isAutomatic = (step: ChecklistStepDef): boolean => step.kind === 'http' || isBuiltIn(step);

const PHASE_ORDER = { pre: 0, deploy: 1, post: 2 } as const;
/** Phase order (stable within a phase): the pane groups by phase, and selection and `a` follow what is on screen. */
export const byPhase = (steps: readonly ChecklistStepDef[]): ChecklistStepDef[] =>
  steps
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || i - j)
    .map(([s]) => s);

function num(step: ChecklistStepDef, key: string, fallback: number): number {
  const v = step.params?.[key];
  return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : fallback;
}

type Check = (step: ChecklistStepDef, s: ReleaseSignals, now: number) => CheckOutcome;

const checks: Record<BuiltInKind, Check> = {
  'ecs-steady': (_step, s) => {
    const svc = s.service;
    if (!svc) return { passed: false, output: 'service not loaded' };
    return { passed: isSteady(svc), output: steadyDetail(svc) };
  },
  'alarms-ok': (_step, s) => {
    const alarms = s.alarms;
    if (!alarms) return { passed: false, output: 'alarms not loaded' };
    const firing = firingNames(alarms);
    return {
      passed: firing.length === 0,
      output: firing.length ? `in ALARM: ${firing.join(', ')}` : `${alarms.length} alarm(s), none in ALARM`,
    };
  },
  'no-log-errors': (step, s, now) => {
    const since = now - num(step, 'minutes', 5) * 60_000;
    const pattern = step.params?.pattern;
    const re = typeof pattern === 'string' ? new RegExp(pattern) : undefined;
    const hits = s.logs.filter((e) => e.timestamp >= since && (re ? re.test(e.message) : isErrorLine(e)));
    const first = hits[0];
    return {
      passed: hits.length === 0,
      output: first ? `${hits.length} matching line(s), first: ${first.message}` : 'no matching lines',
    };
  },
  'metric-below': (step, s) => {
    const id = String(step.params?.metric ?? '');
    const below = num(step, 'below', Number.NaN);
    const series = s.metrics?.find((m) => m.id === id);
    if (!series || series.current === undefined) return { passed: false, output: `metric ${id} has no data` };
    // The words the Metrics pane uses: `p99 1190 ms (must be < 500 ms)`.
    const text = `${series.label} ${valueWithUnit(series.current, series.unit)} (must be < ${valueWithUnit(below, series.unit)})`;
    return { passed: isBelow(series.current, below), output: text };
  },
  // PASS passes; `allow: marginal` lets MARGINAL pass too. INCONCLUSIVE never passes: no data is no evidence.
  verdict: (step, s) => {
    const e = s.evidence;
    if (!e) return { passed: false, output: 'no release verdict yet (T+0 not known)' };
    const allowed = step.params?.allow === 'marginal' ? ['PASS', 'MARGINAL'] : ['PASS'];
    const score = e.score === undefined ? '' : ` (score ${Math.round(e.score)})`;
    return { passed: allowed.includes(e.outcome), output: [`${e.outcome}${score}`, ...e.reasons].join('; ') };
  },
  'cost-within': (_step, s) => {
    const cost = s.cost;
    const today = cost?.days.at(-1);
    if (!cost || !today || !cost.expectedDaily) return { passed: false, output: 'no cost data or no expected range' };
    const { min, max } = cost.expectedDaily;
    return {
      passed: today.total <= max,
      output: `today so far $${today.total.toFixed(2)}, expected $${min.toFixed(2)}–${max.toFixed(2)}/day`,
    };
  },
};

export function runBuiltIn(
  step: ChecklistStepDef & { kind: BuiltInKind },
  s: ReleaseSignals,
  now: number,
): CheckOutcome {
  return checks[step.kind](step, s, now);
}
