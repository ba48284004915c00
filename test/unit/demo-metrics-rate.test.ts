// The demo's 5xx rate and the points before the release, as the AWS adapter gives them.
import { describe, expect, it } from 'vitest';
import { buildSeries, type Sample } from '../../src/adapters/demo/metrics.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const signal = new AbortController().signal;

const sample = (over: Partial<Sample>): Sample => ({
  cpu: 20,
  memory: 40,
  '5xx': 0,
  requests: 1000,
  p99: 170,
  healthy: 3,
  unhealthy: 0,
  ...over,
});

describe('demo metrics: 5xx rate and baseline points', () => {
  it('computes 5xx % per minute, a minute without requests being a gap; baseline points oldest first', () => {
    // Minute 100 is T+0; before it, minutes 98 and 99 (a two-minute window).
    const at = (m: number) =>
      m === 101 ? sample({ requests: 0 }) : sample({ '5xx': m >= 100 ? 30 : 1, requests: m === 98 ? 500 : 1000 });
    const series = buildSeries(100 * MIN + 5_000, 102 * MIN + 10_000, 2 * MIN, at);
    const rate = series.find((s) => s.id === '5xxRate')!;
    expect(rate).toMatchObject({ label: '5xx %', unit: 'Percent', threshold: 1, current: 3 });
    expect(rate.points).toEqual([
      { t: 100 * MIN, v: 3 },
      { t: 102 * MIN, v: 3 },
    ]);
    expect(rate.baselinePoints).toEqual([
      { t: 98 * MIN, v: 0.2 },
      { t: 99 * MIN, v: 0.1 },
    ]);
    expect(rate.baseline).toBe(0.15);
    const requests = series.find((s) => s.id === 'requests')!;
    expect(requests.baselinePoints!.map((p) => p.v)).toEqual([500, 1000]);
    expect(requests.points.map((p) => p.v)).toEqual([1000, 0, 1000]);
  });

  it('the bad release drives the rate over its threshold; before the release it sat near zero', async () => {
    const d = await demoOnClock({ scenario: 'bad-release' });
    d.at(10 * MIN);
    const series = await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal);
    const rate = series.find((s) => s.id === '5xxRate')!;
    expect(rate.current!).toBeGreaterThan(3);
    expect(rate.points.slice(0, 3).every((p) => p.v < 1)).toBe(true);
    expect(rate.baseline!).toBeLessThan(0.1);
    for (const s of series) {
      // A whole watch window before the release, one point a minute, all before T+0.
      expect(s.baselinePoints).toHaveLength(120);
      expect(s.baselinePoints!.every((p, i, all) => p.t < d.release && (i === 0 || p.t - all[i - 1]!.t === MIN))).toBe(
        true,
      );
      expect(s.baselinePoints!.at(-1)!.t).toBe(s.points[0]!.t - MIN);
    }
  });
});
