// The verdict on the demo's stories, end to end through the demo backend: the bad release FAILs
// with its reasons, the healthy one PASSes, the first minutes are INCONCLUSIVE, the stuck rollout
// FAILs on ECS's own word.
import { describe, expect, it } from 'vitest';
import { releaseEvidence } from '../../src/domain/health/releaseEvidence.js';
import { DEFAULT_VERDICT_PLAN } from '../../src/domain/health/verdictPlan.js';
import { demoOnClock } from '../helpers/demoClock.js';
import type { ScenarioName } from '../../src/adapters/demo/index.js';

const MIN = 60_000;
const signal = new AbortController().signal;

async function judgeAt(scenario: ScenarioName, tPlus: number) {
  const d = await demoOnClock({ scenario });
  d.at(tPlus);
  const service = await d.backend.getService(signal);
  const series = await d.backend.getMetrics(
    { releaseStart: d.release, loadBalancers: service.loadBalancers ?? [] },
    signal,
  );
  return releaseEvidence({ plan: DEFAULT_VERDICT_PLAN, releaseStart: d.release, series, service });
}

describe('the verdict on the demo scenarios', () => {
  it('bad-release: FAIL, with p99 and the 5xx rate against the baseline among the reasons', async () => {
    const e = await judgeAt('bad-release', 20 * MIN);
    expect(e.outcome).toBe('FAIL');
    expect(e.reasons.join('\n')).toMatch(/^p99 .* vs .* baseline \(\d+\.\dx, p<0\.001\)$/m);
    expect(e.reasons.join('\n')).toMatch(/^5xx % .* baseline/m);
  });

  it('healthy: PASS, every metric judged', async () => {
    const e = await judgeAt('healthy', 30 * MIN);
    expect(e.outcome).toBe('PASS');
    expect(e.metrics.filter((m) => m.outcome === 'INCONCLUSIVE')).toEqual([]);
  });

  it('two minutes in: INCONCLUSIVE, too few points since T+0', async () => {
    const e = await judgeAt('healthy', 2 * MIN);
    expect(e.outcome).toBe('INCONCLUSIVE');
    expect(e.reasons[0]).toMatch(/too few points/);
  });

  it('stuck-rollout: FAIL on the circuit breaker', async () => {
    const e = await judgeAt('stuck-rollout', 15 * MIN);
    expect(e.outcome).toBe('FAIL');
    expect(e.reasons[0]).toMatch(/^ECS (circuit breaker tripped|rollout FAILED)/);
  });
});
