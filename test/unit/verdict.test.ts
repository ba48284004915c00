import { describe, expect, it } from 'vitest';
import type { Alarm, MetricSeries } from '../../src/domain/model.js';
import { verdict } from '../../src/domain/verdict.js';
import { deployment, ref, service, serviceDeployment } from '../helpers/service.js';

const alarm = (state: Alarm['state']): Alarm => ({
  name: 'web-5xx',
  kind: 'metric',
  state,
  reason: '',
  stateUpdatedAt: 0,
});
const metric = (current: number, threshold: number): MetricSeries => ({
  id: 'p99',
  label: 'p99',
  unit: 'ms',
  points: [],
  current,
  threshold,
});
const idle = { phase: 'idle' as const };
const rolling = service(42, [41, 42], {
  deployments: [deployment(42, { rolloutState: 'IN_PROGRESS', running: 1 }), deployment(41, { status: 'ACTIVE' })],
});

describe('verdict', () => {
  it('reads the release from the signals, most urgent first', () => {
    expect(verdict({ rollback: idle })).toBe('LOADING');
    expect(verdict({ service: rolling, rollback: idle })).toBe('ROLLING');
    expect(verdict({ service: service(42, [42]), rollback: idle })).toBe('HEALTHY');
    expect(verdict({ service: service(42, [42]), metrics: [metric(600, 500)], rollback: idle })).toBe('DEGRADED');
    expect(verdict({ service: rolling, alarms: [alarm('ALARM')], metrics: [metric(600, 500)], rollback: idle })).toBe(
      'ALARM',
    );
    expect(
      verdict({
        service: service(42, [42], { deployments: [deployment(42, { rolloutState: 'FAILED' })] }),
        rollback: idle,
      }),
    ).toBe('FAILED');
  });

  it('a rollback in flight outranks the signals; after it the service speaks', () => {
    const request = { cluster: 'demo', service: 'web', from: ref(42), to: ref(41), method: 'update-service' as const };
    const s = { service: rolling, alarms: [alarm('ALARM')] };
    expect(verdict({ ...s, rollback: { phase: 'in-flight', request } })).toBe('ROLLING BACK');
    // A failed rollback does not stick as FAILED and never hides an ALARM: `r` may try again.
    expect(verdict({ ...s, rollback: { phase: 'failed', request, error: 'x' } })).toBe('ALARM');
    expect(verdict({ service: rolling, rollback: { phase: 'failed', request, error: 'x' } })).toBe('ROLLING');
    // Back on what served before the release (by anyone): ROLLED BACK once steady, unless an alarm still fires.
    const release = {
      cluster: 'demo',
      service: 'web',
      t0: 1,
      released: { ref: ref(42), imageTags: [] },
      previous: { ref: ref(41), imageTags: [] },
      deploymentId: 'ecs-svc/42',
    };
    const back = service(41, [41, 42]);
    expect(verdict({ service: back, rollback: idle, release })).toBe('ROLLED BACK');
    expect(verdict({ service: back, rollback: idle, release, alarms: [alarm('ALARM')] })).toBe('ALARM');
    const onItsWay = service(41, [41, 42], { deployments: [deployment(41, { rolloutState: 'IN_PROGRESS' })] });
    expect(verdict({ service: onItsWay, rollback: idle, release })).toBe('ROLLING BACK');
  });

  it('shows an ECS-driven rollback (circuit breaker) the same way', () => {
    const sd = (status: 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL') =>
      service(42, [41, 42], { serviceDeployments: [serviceDeployment(42, [41], { status })] });
    expect(verdict({ service: sd('ROLLBACK_IN_PROGRESS'), rollback: idle })).toBe('ROLLING BACK');
    expect(verdict({ service: sd('ROLLBACK_SUCCESSFUL'), rollback: idle })).toBe('ROLLED BACK');
  });
});
