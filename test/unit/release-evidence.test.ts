// The release's one answer: metrics against the baseline, ECS's own failure, new error signatures.
import { describe, expect, it } from 'vitest';
import { releaseEvidence, NEW_SIGNATURE_LINES } from '../../src/domain/health/releaseEvidence.js';
import { DEFAULT_VERDICT_PLAN } from '../../src/domain/health/verdictPlan.js';
import type { SignatureSummary } from '../../src/domain/health/signatures/signatureBook.js';
import type { Alarm, MetricSeries } from '../../src/domain/model.js';
import { deployment, service, serviceDeployment } from '../helpers/service.js';

const T0 = 10_000_000;
const MIN = 60_000;
// Deterministic wobble around a level: enough points either side of T+0 for the rank test.
const wobble = (i: number) => [0.98, 1.01, 0.99, 1.02, 1.0, 0.97, 1.03][i % 7]!;
function p99(after: number): MetricSeries {
  const pts = (from: number, level: number) =>
    Array.from({ length: 20 }, (_, i) => ({ t: from + i * MIN, v: level * wobble(i) }));
  return {
    id: 'p99',
    label: 'p99',
    unit: 'Milliseconds',
    points: pts(T0, after),
    baselinePoints: pts(T0 - 20 * MIN, 200),
  };
}
const summary = (after: number): SignatureSummary => ({
  newCount: 1,
  top: [
    {
      id: 1,
      template: 'pq: sorry, too many clients already',
      example: 'pq: sorry, too many clients already',
      before: 0,
      after,
      ratePerMinBefore: 0,
      ratePerMinAfter: after / 20,
      firstSeen: T0 + MIN,
      lastSeen: T0 + 19 * MIN,
      isNew: true,
    },
  ],
  text: `1 new error signature since T+0: "pq: sorry, too many clients already" ×${after}`,
});
const base = { plan: DEFAULT_VERDICT_PLAN, releaseStart: T0 };

describe('release evidence', () => {
  it('passes a release whose metrics match the baseline, fails one whose p99 tripled, with the reason first', () => {
    expect(releaseEvidence({ ...base, series: [p99(200)] }).outcome).toBe('PASS');
    const bad = releaseEvidence({ ...base, series: [p99(600)] });
    expect(bad.outcome).toBe('FAIL');
    expect(bad.reasons[0]).toMatch(/^p99 \d+ ms vs \d+ ms baseline \(3\.0x, p<0\.001\)/);
  });

  it('is INCONCLUSIVE with no series, and FAIL whatever the metrics when ECS failed the deployment', () => {
    expect(releaseEvidence(base).outcome).toBe('INCONCLUSIVE');
    const tripped = service(42, [41, 42], {
      serviceDeployments: [
        serviceDeployment(42, [41], {
          status: 'IN_PROGRESS',
          circuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
        }),
      ],
    });
    const e = releaseEvidence({ ...base, series: [p99(200)], service: tripped });
    expect(e.outcome).toBe('FAIL');
    expect(e.reasons[0]).toBe('ECS circuit breaker tripped (3/3 failures)');
    const failed = service(42, [41, 42], {
      deployments: [deployment(42, { rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start' })],
    });
    expect(releaseEvidence({ ...base, service: failed }).reasons[0]).toBe('ECS rollout FAILED: tasks failed to start');
  });

  it('cites new error signatures, and they keep a metric PASS from being clean', () => {
    const few = releaseEvidence({ ...base, series: [p99(200)], signatures: summary(NEW_SIGNATURE_LINES - 1) });
    expect(few.outcome).toBe('PASS');
    expect(few.reasons.some((r) => r.startsWith('1 new error signature'))).toBe(true);
    const many = releaseEvidence({ ...base, series: [p99(200)], signatures: summary(212) });
    expect(many.outcome).toBe('MARGINAL');
    expect(many.reasons).toContain('1 new error signature since T+0: "pq: sorry, too many clients already" ×212');
    // A failed metric is said before the signatures.
    const both = releaseEvidence({ ...base, series: [p99(600)], signatures: summary(212) });
    expect(both.reasons[0]).toMatch(/^p99/);
    expect(both.reasons[1]).toMatch(/^1 new error signature/);
  });

  it('says firing CloudWatch alarms beside the outcome, not in it', () => {
    const alarm: Alarm = { name: 'web-5xx', kind: 'metric', state: 'ALARM', reason: 'x', stateUpdatedAt: T0 };
    const e = releaseEvidence({ ...base, series: [p99(200)], alarms: [alarm] });
    expect(e.outcome).toBe('PASS');
    expect(e.beside).toEqual(['1 CloudWatch alarm(s) in ALARM: web-5xx']);
  });
});
