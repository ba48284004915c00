import { describe, expect, it } from 'vitest';
import { formatP, judgeMetric, type MetricRule } from '../../src/domain/health/metricVerdict.js';
import { median, quantile, trimOutliers, tukeyFences } from '../../src/domain/health/robust.js';
import type { MetricSeries } from '../../src/domain/model.js';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

/** A series with `before` ending just before T+0 and `after` from T+0, one point a minute. */
function series(id: string, unit: string, before: number[], after: number[], label = id): MetricSeries {
  return {
    id,
    label,
    unit,
    points: after.map((v, i) => ({ t: T0 + i * MIN, v })),
    baselinePoints: before.map((v, i) => ({ t: T0 - (before.length - i) * MIN, v })),
  };
}
/** `now` at the last point of `after`. */
const nowAfter = (after: number[]): number => T0 + (after.length - 1) * MIN;

/** Park-Miller noise around `center`, ±spread/2: repeatable "noise" for known samples. */
function noise(n: number, seed: number, center: number, spread: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647;
    return center + spread * (s / 2147483647 - 0.5);
  });
}

const p99: MetricRule = { id: 'p99', direction: 'increase', critical: true, tolerance: 0.25, minEffect: 50 };
const requests: MetricRule = { id: 'requests', direction: 'decrease', critical: false, tolerance: 0.5 };
const rate: MetricRule = { id: '5xxRate', direction: 'increase', critical: true, tolerance: 0.25, minEffect: 0.5 };

describe('judgeMetric', () => {
  it('fails a clear p99 regression and says by how much', () => {
    // Older baseline points are as slow as the release: they must not be in the comparison.
    const before = [...noise(20, 7, 1250, 100), 405, 412, 398, 430, 415];
    const after = [1190, 1251, 1302, 1236, 1288];
    const j = judgeMetric(series('p99', 'Milliseconds', before, after), p99, {}, T0, nowAfter(after));
    expect(j).toMatchObject({ outcome: 'FAIL', critical: true, releaseMedian: 1251, baselineMedian: 412 });
    expect(j.n).toEqual({ release: 5, baseline: 5 });
    expect(j.p).toBeCloseTo(1 / 252, 12); // exact: complete separation of 5 and 5
    expect(j.reason).toBe('p99 1251 ms vs 412 ms baseline (3.0x, p<0.01)');
  });

  it('takes as long a baseline before T+0 as the window so far', () => {
    const after = noise(20, 11, 400, 40);
    const j = judgeMetric(series('p99', 'ms', noise(60, 3, 400, 40), after), p99, {}, T0, nowAfter(after));
    // now = T0 + 19 min, so the baseline is T0 − 19 min … T0 − 1 min.
    expect(j.n).toEqual({ release: 20, baseline: 19 });
  });

  it('passes noise', () => {
    const after = noise(30, 5, 400, 60);
    const j = judgeMetric(series('p99', 'ms', noise(40, 9, 400, 60), after), p99, {}, T0, nowAfter(after));
    expect(j.outcome).toBe('PASS');
    expect(j.p).toBeGreaterThan(0.02);
    expect(j.reason).toBe('p99 394 ms vs 406 ms baseline (1.0x, p=0.95)');
  });

  it('is INCONCLUSIVE with too few points on either side', () => {
    const few = judgeMetric(
      series('requests', 'Count', noise(30, 2, 900, 50), [900, 880, 910], 'Requests'),
      requests,
      {},
      T0,
      nowAfter([0, 0, 0]),
    );
    expect(few).toMatchObject({ outcome: 'INCONCLUSIVE', n: { release: 3 } });
    expect(few.reason).toBe('Requests: too few points (3 since T+0, need 5)');
    expect(few.p).toBeUndefined();
    const noBase = judgeMetric(
      series('requests', 'Count', [900, 910], noise(6, 2, 900, 50), 'Requests'),
      requests,
      {},
      T0,
      T0 + 5 * MIN,
    );
    expect(noBase.reason).toBe('Requests: too few baseline points (2 before T+0, need 5)');
    const strict = judgeMetric(
      series('p99', 'ms', noise(30, 1, 400, 9), noise(6, 2, 400, 9)),
      { ...p99, minPoints: 10 },
      {},
      T0,
      T0 + 5 * MIN,
    );
    expect(strict.reason).toBe('p99: too few points (6 since T+0, need 10)');
  });

  it('skips gaps (NaN points) on both sides', () => {
    const before = [405, NaN, 412, 398, NaN, 430, 415];
    const after = [1190, NaN, 1251, 1302, NaN, 1236, 1288];
    const j = judgeMetric(series('p99', 'ms', before, after), p99, {}, T0, nowAfter(after));
    expect(j).toMatchObject({
      outcome: 'FAIL',
      releaseMedian: 1251,
      baselineMedian: 412,
      n: { release: 5, baseline: 5 },
    });
    const gappy = [1190, NaN, NaN, 1302, NaN, 1236, Infinity];
    const short = judgeMetric(series('p99', 'ms', before, gappy), p99, {}, T0, nowAfter(gappy));
    expect(short.reason).toBe('p99: too few points (3 since T+0, need 5)');
  });

  it("carries the rule's critical flag", () => {
    const after = [1190, 1251, 1302, 1236, 1288];
    const s = series('p99', 'ms', [405, 412, 398, 430, 415], after);
    expect(judgeMetric(s, p99, {}, T0, nowAfter(after)).critical).toBe(true);
    expect(judgeMetric(s, { ...p99, critical: false }, {}, T0, nowAfter(after))).toMatchObject({
      critical: false,
      outcome: 'FAIL',
    });
  });

  it('passes a significant change under minEffect, and fails it without one', () => {
    const before = noise(20, 4, 0.1, 0.04);
    const after = noise(20, 8, 0.3, 0.04); // the rate tripled, but by 0.2 percentage points
    const s = series('5xxRate', 'Percent', before, after, '5xx %');
    const kept = judgeMetric(s, rate, {}, T0, nowAfter(after));
    expect(kept.p).toBeLessThan(0.001);
    expect(kept.outcome).toBe('PASS');
    expect(kept.reason).toBe('5xx % 0.29% vs 0.093% baseline (3.2x, p<0.001, under 0.5%)');
    expect(judgeMetric(s, { ...rate, minEffect: undefined }, {}, T0, nowAfter(after)).outcome).toBe('FAIL');
  });

  it('passes a significant change within tolerance', () => {
    const after = noise(20, 8, 470, 10); // +70 ms (> minEffect) but +17 % (< 25 %)
    const s = series('p99', 'ms', noise(20, 4, 400, 10), after);
    const j = judgeMetric(s, p99, {}, T0, nowAfter(after));
    expect(j).toMatchObject({ outcome: 'PASS' });
    expect(j.reason).toBe('p99 468 ms vs 398 ms baseline (1.2x, p<0.001, within 25%)');
    expect(judgeMetric(s, { ...p99, tolerance: 0.1 }, {}, T0, nowAfter(after)).outcome).toBe('FAIL');
  });

  it('writes a big error-rate rise with its ratio', () => {
    const after = noise(12, 3, 4.2, 0.4);
    const j = judgeMetric(
      series('5xxRate', 'Percent', noise(12, 6, 0.1, 0.04), after, '5xx %'),
      rate,
      {},
      T0,
      nowAfter(after),
    );
    expect(j.outcome).toBe('FAIL');
    expect(j.reason).toBe('5xx % 4.13% vs 0.092% baseline (45x, p<0.001)');
  });

  it('judges requests by a decrease', () => {
    const before = noise(20, 4, 1000, 100);
    const drop = noise(20, 8, 300, 60);
    const s = series('requests', 'Count', before, drop, 'Requests');
    expect(judgeMetric(s, requests, {}, T0, nowAfter(drop))).toMatchObject({ outcome: 'FAIL' });
    expect(judgeMetric(s, { ...requests, direction: 'increase' }, {}, T0, nowAfter(drop)).outcome).toBe('PASS');
    expect(judgeMetric(s, { ...requests, direction: 'either' }, {}, T0, nowAfter(drop)).outcome).toBe('FAIL');
    const rise = series('requests', 'Count', before, noise(20, 8, 3000, 60), 'Requests');
    expect(judgeMetric(rise, requests, {}, T0, nowAfter(drop)).outcome).toBe('PASS');
  });

  it('passes constant identical series', () => {
    const flat = Array<number>(10).fill(40);
    const j = judgeMetric(series('cpu', 'Percent', flat, flat), { ...p99, id: 'cpu' }, {}, T0, nowAfter(flat));
    expect(j).toMatchObject({ outcome: 'PASS', p: 1, ratio: 1 });
  });

  it('drops far outliers before comparing, unless told not to', () => {
    const after = [...noise(9, 2, 400, 20), 9000];
    const s = series('p99', 'ms', noise(20, 3, 400, 20), after);
    expect(judgeMetric(s, p99, {}, T0, nowAfter(after)).n.release).toBe(9);
    expect(judgeMetric(s, p99, { outlierIqr: 0 }, T0, nowAfter(after)).n.release).toBe(10);
  });

  it('uses the confidence it is given', () => {
    // 5 against 5, complete separation: exact one-sided p = 1/252 ≈ 0.004.
    const after = [1190, 1251, 1302, 1236, 1288];
    const s = series('p99', 'ms', [405, 412, 398, 430, 415], after);
    expect(judgeMetric(s, p99, { confidence: 0.999 }, T0, nowAfter(after)).outcome).toBe('PASS');
  });
});

describe('formatP', () => {
  it('says p<0.001, p<0.01, or two decimals', () => {
    expect([0.0004, 0.004, 0.031, 0.5, 1].map(formatP)).toEqual(['p<0.001', 'p<0.01', 'p=0.03', 'p=0.50', 'p=1.00']);
  });
});

describe('robust statistics', () => {
  it('quantiles interpolate like numpy.quantile', () => {
    // numpy.quantile([7, 1, 3, 10], [0.25, 0.5, 0.75]) → [2.5, 5.0, 7.75]
    expect([0.25, 0.5, 0.75].map((q) => quantile([7, 1, 3, 10], q))).toEqual([2.5, 5, 7.75]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  it('trims outside Tukey fences at k = 3 by default, order kept', () => {
    const xs = [10, 12, 11, 13, 12, 100, 11, -60];
    // q1, q3 = numpy.quantile(xs, [0.25, 0.75]) → 10.75, 12.25; IQR 1.5
    expect(tukeyFences(xs, 3)).toEqual({ low: 6.25, high: 16.75 });
    expect(trimOutliers(xs)).toEqual([10, 12, 11, 13, 12, 11]);
    expect(trimOutliers(xs, 100)).toEqual(xs);
  });

  it('keeps a burst in a mostly-zero series (IQR 0), and short samples whole', () => {
    const errors = [0, 0, 0, 0, 0, 0, 7, 0];
    expect(trimOutliers(errors)).toEqual(errors);
    expect(trimOutliers([1, 2, 900])).toEqual([1, 2, 900]);
  });
});
