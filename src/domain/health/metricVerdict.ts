// One metric's verdict, as Kayenta's judge gives it: the release window against a baseline with a
// one-sided Mann-Whitney test in the direction that hurts, and an effect size it must also exceed,
// because with enough points a rank test calls a 2 ms shift in p99 significant and nobody should
// roll back for that. Too little data is INCONCLUSIVE, never a silent PASS.
import type { MetricPoint, MetricSeries } from '../model.js';
import { valueWithUnit } from '../units.js';
import { mannWhitney } from './rankTest.js';
import { median, trimOutliers } from './robust.js';
import { baselineValues, windowValues } from './samples.js';

/** Which change of the metric is bad. */
export type Direction = 'increase' | 'decrease' | 'either';

/** What the release is compared with: the stretch before T+0, or the same window a day or a week earlier. */
export type BaselineKind = 'before' | 'day' | 'week';

export interface MetricRule {
  /** The series id it applies to; `p99` also covers `p99@<target-group>`. */
  id: string;
  direction: Direction;
  /** A critical metric's FAIL fails the release whatever the score. */
  critical: boolean;
  /** Allowed relative change of the median in the bad direction: 0.25 = 25 %. */
  tolerance: number;
  /** An absolute change of the median below this never fails, in the series' unit (50 = 50 ms of p99). */
  minEffect?: number;
  /** Points needed on each side before the metric is judged; 5 when absent. */
  minPoints?: number;
}

export interface VerdictSettings {
  /** 1 − the significance level of the one-sided test. */
  confidence: number;
  /** Tukey fence factor for dropping outliers from each side; 0 keeps every point. */
  outlierIqr: number;
  /** Release score (percent of judged metrics that passed) at or above which it passes. */
  passScore: number;
  /** Score at or above which a release that does not pass is MARGINAL rather than FAIL. */
  marginalScore: number;
  /** Baselines to judge against; a metric fails only when it is bad against every one with data. */
  baselines?: BaselineKind[];
}

export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = {
  confidence: 0.98,
  outlierIqr: 3,
  passScore: 90,
  marginalScore: 70,
};
export const DEFAULT_MIN_POINTS = 5;

export type MetricOutcome = 'PASS' | 'FAIL' | 'INCONCLUSIVE';

export interface MetricJudgement {
  id: string;
  label: string;
  outcome: MetricOutcome;
  critical: boolean;
  against: BaselineKind;
  releaseMedian?: number;
  baselineMedian?: number;
  /** releaseMedian ÷ baselineMedian; absent when the baseline median is 0. */
  ratio?: number;
  /** p-value of the test in the rule's bad direction. */
  p?: number;
  /** Values compared (after gaps, and outliers once judged) on each side. */
  n: { release: number; baseline: number };
  /** One line for the screen: `p99 1251 ms vs 412 ms baseline (3.0x, p<0.01)`. */
  reason: string;
}

/** A day's or a week's series, its points already shifted onto the current window. */
export interface ShiftedBaseline {
  kind: 'day' | 'week';
  points: MetricPoint[];
}

const AGAINST_WORDS: Record<BaselineKind, { median: string; count: string }> = {
  before: { median: 'baseline', count: 'before T+0' },
  day: { median: 'a day earlier', count: 'a day earlier' },
  week: { median: 'a week earlier', count: 'a week earlier' },
};

/** `p<0.001`, `p<0.01`, `p=0.03` */
export function formatP(p: number): string {
  if (p < 0.001) return 'p<0.001';
  if (p < 0.01) return 'p<0.01';
  return `p=${p.toFixed(2)}`;
}

const formatRatio = (r: number): string => (r >= 10 ? `${Math.round(r)}x` : `${r.toFixed(1)}x`);

/** How far the median moved in the bad direction (negative or 0 when it moved the good way). */
function badChange(direction: Direction, release: number, baseline: number): number {
  const change = release - baseline;
  if (direction === 'increase') return change;
  if (direction === 'decrease') return -change;
  return Math.abs(change);
}

/**
 * Judge one series against the stretch before T+0 (or against `shifted`, compared over the same
 * window as the release). FAIL needs all three: the one-sided test in the bad direction
 * significant at `confidence`, the median beyond `tolerance`, and beyond `minEffect`.
 */
export function judgeMetric(
  series: MetricSeries,
  rule: MetricRule,
  settings: Partial<VerdictSettings>,
  releaseStart: number,
  now: number,
  shifted?: ShiftedBaseline,
): MetricJudgement {
  const s = { ...DEFAULT_VERDICT_SETTINGS, ...settings };
  const minPoints = Math.max(1, rule.minPoints ?? DEFAULT_MIN_POINTS);
  const against: BaselineKind = shifted?.kind ?? 'before';
  const words = AGAINST_WORDS[against];
  const found = windowValues(series.points, releaseStart, now);
  const foundBase = shifted
    ? windowValues(shifted.points, releaseStart, now)
    : baselineValues(series.baselinePoints ?? [], releaseStart, now, minPoints);
  const base = { id: series.id, label: series.label, critical: rule.critical, against };
  const tooFew = (what: string, n: number, where: string): MetricJudgement => ({
    ...base,
    outcome: 'INCONCLUSIVE',
    n: { release: found.length, baseline: foundBase.length },
    reason: `${series.label}: too few ${what} (${n} ${where}, need ${minPoints})`,
  });
  if (found.length < minPoints) return tooFew('points', found.length, 'since T+0');
  if (foundBase.length < minPoints) return tooFew('baseline points', foundBase.length, words.count);

  const release = trimOutliers(found, s.outlierIqr);
  const baseline = trimOutliers(foundBase, s.outlierIqr);
  const releaseMedian = median(release);
  const baselineMedian = median(baseline);
  const test = mannWhitney(release, baseline);
  const p = { increase: test.pGreater, decrease: test.pLess, either: test.pTwoSided }[rule.direction];
  const bad = badChange(rule.direction, releaseMedian, baselineMedian);
  const significant = p < 1 - s.confidence;
  const beyondTolerance = bad > rule.tolerance * Math.abs(baselineMedian);
  const beyondMinEffect = bad > 0 && bad >= (rule.minEffect ?? 0);
  const ratio = baselineMedian !== 0 ? releaseMedian / baselineMedian : undefined;

  const value = (v: number): string => valueWithUnit(v, series.unit);
  const notes = [ratio !== undefined && ratio > 0 ? formatRatio(ratio) : undefined, formatP(p)];
  // A significant shift that passes says why, or "p<0.001" beside PASS reads as a contradiction.
  if (significant && !beyondTolerance) notes.push(`within ${Math.round(rule.tolerance * 100)}%`);
  else if (significant && !beyondMinEffect) notes.push(`under ${value(rule.minEffect ?? 0)}`);
  return {
    ...base,
    outcome: significant && beyondTolerance && beyondMinEffect ? 'FAIL' : 'PASS',
    releaseMedian,
    baselineMedian,
    ratio,
    p,
    n: { release: release.length, baseline: baseline.length },
    reason: `${series.label} ${value(releaseMedian)} vs ${value(baselineMedian)} ${words.median} (${notes.filter(Boolean).join(', ')})`,
  };
}
