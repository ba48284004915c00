import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, judgeRelease, ruleFor } from '../../src/domain/health/releaseVerdict.js';
import type { MetricSeries } from '../../src/domain/model.js';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const N = 20;
const NOW = T0 + (N - 1) * MIN;

/** Repeatable noise: value i of a sample is center ± spread/2, spread by a Park-Miller sequence. */
function noise(seed: number, center: number, spread: number, n = N): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647;
    return center + spread * (s / 2147483647 - 0.5);
  });
}

/** N points a minute before T+0 around `before`, N from T+0 around `after`. */
function metric(id: string, unit: string, before: number, after = before, spread = before / 10): MetricSeries {
  const seed = [...id].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % 100_000;
  return {
    id,
    label: id,
    unit,
    points: noise(seed + 1, after, spread).map((v, i) => ({ t: T0 + i * MIN, v })),
    baselinePoints: noise(seed + 2, before, spread).map((v, i) => ({ t: T0 - (N - i) * MIN, v })),
  };
}

/** A healthy service: every default metric unchanged by the release. */
const healthy = (): MetricSeries[] => [
  metric('5xxRate', 'Percent', 0.1, 0.1, 0.05),
  metric('p99', 'Milliseconds', 400),
  metric('5xx', 'Count', 2, 2, 1),
  metric('cpu', 'Percent', 40),
  metric('memory', 'Percent', 55),
  metric('requests', 'Count', 1000),
  metric('healthy', 'Count', 4, 4, 0),
];
/** `healthy()` with some series replaced by id. */
const withSeries = (...changed: MetricSeries[]): MetricSeries[] =>
  healthy().map((s) => changed.find((c) => c.id === s.id) ?? s);

const judge = (series: MetricSeries[], settings = {}) => judgeRelease(series, DEFAULT_RULES, settings, T0, NOW);

describe('DEFAULT_RULES', () => {
  it('covers a service behind a load balancer, errors, latency and targets critical', () => {
    const table = Object.fromEntries(DEFAULT_RULES.map((r) => [r.id, [r.direction, r.critical]]));
    expect(table).toEqual({
      '5xxRate': ['increase', true],
      p99: ['increase', true],
      '5xx': ['increase', false],
      cpu: ['increase', false],
      memory: ['increase', false],
      requests: ['decrease', false],
      healthy: ['decrease', true],
    });
    expect(ruleFor(DEFAULT_RULES, 'p99')).toMatchObject({ tolerance: 0.25, minEffect: 50 });
    expect(ruleFor(DEFAULT_RULES, 'p99@api-tg')?.id).toBe('p99');
    expect(ruleFor(DEFAULT_RULES, 'x0')).toBeUndefined();
  });
});

describe('judgeRelease', () => {
  it('passes a release that changed nothing, with score 100', () => {
    const r = judge(healthy());
    expect(r).toMatchObject({ outcome: 'PASS', score: 100 });
    expect(r.metrics.map((m) => m.outcome)).toEqual(Array(7).fill('PASS'));
  });

  it('fails on one critical metric alone, whatever the score', () => {
    const r = judge(withSeries(metric('p99', 'Milliseconds', 400, 1250)), { passScore: 80 });
    expect(r.score).toBeCloseTo((6 / 7) * 100, 9);
    expect(r.outcome).toBe('FAIL');
    expect(r.reasons[0]).toMatch(/^p99 \d+ ms vs \d+ ms baseline \(3\.\dx, p<0\.001\)$/);
  });

  it('is MARGINAL when a non-critical metric fails and the score falls between the bars', () => {
    const r = judge(withSeries(metric('cpu', 'Percent', 40, 80)));
    expect(r).toMatchObject({ outcome: 'MARGINAL' });
    expect(r.score).toBeCloseTo((6 / 7) * 100, 9);
    // The same release passes when the bar is lower.
    expect(judge(withSeries(metric('cpu', 'Percent', 40, 80)), { passScore: 85 }).outcome).toBe('PASS');
  });

  it('fails when too many non-critical metrics fail', () => {
    const r = judge(
      withSeries(
        metric('cpu', 'Percent', 40, 80),
        metric('memory', 'Percent', 40, 80),
        metric('requests', 'Count', 1000, 200),
      ),
    );
    expect(r.outcome).toBe('FAIL');
    expect(r.score).toBeCloseTo((4 / 7) * 100, 9);
  });

  it('is INCONCLUSIVE when nothing could be judged, and says why', () => {
    const young = healthy().map((s) => ({ ...s, points: s.points.slice(0, 2) }));
    const r = judge(young);
    expect(r.outcome).toBe('INCONCLUSIVE');
    expect(r.score).toBeUndefined();
    expect(r.reasons).toHaveLength(3);
    // Critical metrics' reasons come first.
    expect(r.reasons[0]).toBe('5xxRate: too few points (2 since T+0, need 5)');
    expect(judgeRelease([], DEFAULT_RULES, {}, T0, NOW).outcome).toBe('INCONCLUSIVE');
  });

  it('scores only the metrics it could judge', () => {
    const some = healthy().map((s) => (s.id === 'p99' || s.id === 'cpu' ? s : { ...s, points: [] }));
    const r = judge(some);
    expect(r).toMatchObject({ outcome: 'PASS', score: 100 });
    expect(r.metrics.filter((m) => m.outcome === 'INCONCLUSIVE')).toHaveLength(5);
  });

  it('judges only series a rule covers, a second target group by its base id', () => {
    const extra = metric('x0', 'Count', 10, 500);
    const second = { ...metric('p99', 'Milliseconds', 400, 1250), id: 'p99@api-tg', targetGroup: 'api-tg' };
    const r = judge([...healthy(), extra, second]);
    expect(r.metrics.map((m) => m.id)).not.toContain('x0');
    expect(r.metrics.find((m) => m.id === 'p99@api-tg')).toMatchObject({ outcome: 'FAIL', critical: true });
    expect(r.outcome).toBe('FAIL');
  });

  it('lists failures first, critical first, at most three', () => {
    const r = judge(
      withSeries(
        metric('cpu', 'Percent', 40, 80),
        metric('memory', 'Percent', 40, 80),
        metric('p99', 'Milliseconds', 400, 1250),
        metric('healthy', 'Count', 4, 1, 0),
      ),
    );
    expect(r.reasons).toHaveLength(3);
    expect(r.reasons[0]).toMatch(/^p99 /);
    expect(r.reasons[1]).toMatch(/^healthy 1 vs 4 baseline \(0\.3x, p<0\.001\)$/);
    expect(r.reasons[2]).toMatch(/^cpu /);
  });
});

describe('judgeRelease against a day and a week earlier', () => {
  const risen = metric('p99', 'Milliseconds', 400, 1250);
  /** The same metric at the same hour on an earlier day, already shifted onto this window. */
  const earlier = (level: number): MetricSeries => ({ ...metric('p99 day', 'Milliseconds', level), id: 'p99' });
  const p99Only = (extra: Parameters<typeof judgeRelease>[5], baselines: ('before' | 'day' | 'week')[]) =>
    judgeRelease([risen], DEFAULT_RULES, { baselines }, T0, NOW, extra).metrics[0]!;

  it('passes a rise the daily pattern explains', () => {
    const j = p99Only({ day: [earlier(1250)] }, ['before', 'day']);
    expect(j).toMatchObject({ outcome: 'PASS', against: 'day' });
    expect(j.reason).toMatch(/ vs \d+ ms a day earlier \(1\.0x, p=/);
  });

  it('fails only when the metric is bad against every baseline given', () => {
    expect(p99Only({ day: [earlier(1250)], week: [earlier(400)] }, ['before', 'day', 'week']).outcome).toBe('PASS');
    expect(p99Only({ day: [earlier(400)], week: [earlier(400)] }, ['before', 'day', 'week'])).toMatchObject({
      outcome: 'FAIL',
      against: 'before',
    });
  });

  it('lets a baseline without data not vote, and ignores baselines not asked for', () => {
    expect(p99Only({}, ['before', 'day']).outcome).toBe('FAIL');
    expect(p99Only({ day: [earlier(1250)] }, ['before']).outcome).toBe('FAIL');
    const dayOnly = p99Only({}, ['day']);
    expect(dayOnly).toMatchObject({ outcome: 'INCONCLUSIVE', against: 'day' });
    expect(dayOnly.reason).toBe('p99: too few baseline points (0 a day earlier, need 5)');
  });
});
