// The release's verdict from its metrics, scored as Kayenta scores a canary: the percent of the
// metrics that could be judged which passed, with critical metrics able to fail it alone, and
// INCONCLUSIVE (as Argo Rollouts and Flagger treat "no data") when nothing could be judged.
import type { MetricSeries } from '../model.js';
import {
  DEFAULT_VERDICT_SETTINGS,
  judgeMetric,
  type BaselineKind,
  type MetricJudgement,
  type MetricOutcome,
  type MetricRule,
  type VerdictSettings,
} from './metricVerdict.js';

export type ReleaseOutcome = 'PASS' | 'MARGINAL' | 'FAIL' | 'INCONCLUSIVE';

export interface ReleaseJudgement {
  outcome: ReleaseOutcome;
  /** 0..100: percent of the judged metrics that passed; absent when none could be judged. */
  score?: number;
  metrics: MetricJudgement[];
  /** At most 3 metric reasons: failures first, then metrics not judged, critical before the rest. */
  reasons: string[];
}

/** Series of an earlier day or week, their points shifted onto the current window. */
export type ExtraBaselines = Partial<Record<'day' | 'week', MetricSeries[]>>;

/**
 * A service behind a load balancer. Errors, latency and healthy targets are critical: any one of
 * them going wrong is reason enough to roll back. Resource use and traffic only lower the score:
 * a new version may use more memory by design, and traffic falls for reasons outside the release.
 * minEffect keeps a significant but harmless shift from failing (0.5 percentage points of error
 * rate, 50 ms of p99, one error a period, 5 points of CPU or memory, one target).
 */
export const DEFAULT_RULES: MetricRule[] = [
  { id: '5xxRate', direction: 'increase', critical: true, tolerance: 0.25, minEffect: 0.5 },
  { id: 'p99', direction: 'increase', critical: true, tolerance: 0.25, minEffect: 50 },
  { id: '5xx', direction: 'increase', critical: false, tolerance: 0.5, minEffect: 1 },
  { id: 'cpu', direction: 'increase', critical: false, tolerance: 0.5, minEffect: 5 },
  { id: 'memory', direction: 'increase', critical: false, tolerance: 0.5, minEffect: 5 },
  { id: 'requests', direction: 'decrease', critical: false, tolerance: 0.5 },
  { id: 'healthy', direction: 'decrease', critical: true, tolerance: 0.25, minEffect: 1 },
];

/** The rule for a series: by its id without the `@<target-group>` suffix. */
export const ruleFor = (rules: readonly MetricRule[], seriesId: string): MetricRule | undefined =>
  rules.find((r) => r.id === seriesId.split('@')[0]);

/**
 * Judge against each baseline asked for and keep the kindest answer: a rise that yesterday's
 * same hour also had is the daily pattern, not the release. Baselines without data do not vote.
 */
function judgeAgainstBaselines(
  series: MetricSeries,
  rule: MetricRule,
  settings: Partial<VerdictSettings>,
  releaseStart: number,
  now: number,
  extra: ExtraBaselines,
): MetricJudgement {
  const kinds: BaselineKind[] = settings.baselines?.length ? settings.baselines : ['before'];
  const judgements = kinds.map((kind) => {
    if (kind === 'before') return judgeMetric(series, rule, settings, releaseStart, now);
    const points = extra[kind]?.find((s) => s.id === series.id)?.points ?? [];
    return judgeMetric(series, rule, settings, releaseStart, now, { kind, points });
  });
  const judged = judgements.filter((j) => j.outcome !== 'INCONCLUSIVE');
  return judged.find((j) => j.outcome === 'PASS') ?? judged[0] ?? judgements[0]!;
}

const OUTCOME_ORDER: Record<MetricOutcome, number> = { FAIL: 0, INCONCLUSIVE: 1, PASS: 2 };

/** Failures, then metrics not judged, then passes; critical first within each; stable otherwise. */
function topReasons(metrics: readonly MetricJudgement[]): string[] {
  return [...metrics]
    .sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || Number(b.critical) - Number(a.critical))
    .slice(0, 3)
    .map((m) => m.reason);
}

/** The release's outcome from every series a rule covers; series without a rule are not judged. */
export function judgeRelease(
  series: readonly MetricSeries[],
  rules: readonly MetricRule[],
  settings: Partial<VerdictSettings>,
  releaseStart: number,
  now: number,
  extraBaselines: ExtraBaselines = {},
): ReleaseJudgement {
  const s = { ...DEFAULT_VERDICT_SETTINGS, ...settings };
  const metrics = series.flatMap((one) => {
    const rule = ruleFor(rules, one.id);
    return rule ? [judgeAgainstBaselines(one, rule, s, releaseStart, now, extraBaselines)] : [];
  });
  const reasons = topReasons(metrics);
  const judged = metrics.filter((m) => m.outcome !== 'INCONCLUSIVE');
  if (judged.length === 0) return { outcome: 'INCONCLUSIVE', metrics, reasons };
  const score = (100 * judged.filter((m) => m.outcome === 'PASS').length) / judged.length;
  const criticalFailed = judged.some((m) => m.critical && m.outcome === 'FAIL');
  const outcome: ReleaseOutcome =
    criticalFailed || score < s.marginalScore ? 'FAIL' : score >= s.passScore ? 'PASS' : 'MARGINAL';
  return { outcome, score, metrics, reasons };
}
