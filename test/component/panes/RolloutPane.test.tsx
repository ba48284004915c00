import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { RolloutPane, progressBar } from '../../../src/ui/panes/RolloutPane.js';
import type { ServiceDeploymentInfo, ServiceSnapshot } from '../../../src/domain/model.js';
import type { Slice } from '../../../src/app/state.js';
import { MIN, NOW, deployment, expectFits, failed, loading, ok, rowsOf, snapshot } from './fixtures.js';

const frame = (service: Slice<ServiceSnapshot>, width = 40, height = 8, ascii = false) =>
  render(<RolloutPane service={service} now={NOW} width={width} height={height} ascii={ascii} />).lastFrame();

const sd = (o: Partial<ServiceDeploymentInfo> = {}): ServiceDeploymentInfo => ({
  arn: 'arn:sd/1',
  status: 'IN_PROGRESS',
  lifecycleStage: 'BAKE_TIME',
  sourceRevisions: [{ family: 'web', revision: 41 }],
  targetRevision: { family: 'web', revision: 42 },
  circuitBreaker: { status: 'MONITORING', failureCount: 1, threshold: 3 },
  alarms: { status: 'MONITORING', alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-5xx'] },
  createdAt: NOW - 4 * MIN,
  ...o,
});

describe('progressBar', () => {
  test('running of desired, in both glyph sets', () => {
    expect(progressBar(2, 3, 9, false)).toBe('[██████░░░]');
    expect(progressBar(2, 3, 9, true)).toBe('[######...]');
    expect(progressBar(5, 3, 4, true)).toBe('[####]');
    expect(progressBar(0, 0, 4, true)).toBe('[....]');
  });
});

describe('RolloutPane', () => {
  test('bar, draining, lifecycle, breaker, alarms and which fired', () => {
    const f = frame(ok(snapshot({ serviceDeployments: [sd()] })), 40, 7);
    expect(rowsOf(f)).toEqual([
      'web:42 [███████████████░░░░░░░░] 2/3 new',
      'old 1 draining',
      'IN_PROGRESS · stage BAKE_TIME · for 4m',
      'breaker MONITORING 1/3 failures',
      'alarms MONITORING: web-5xx, web-p99',
      '! triggered: web-5xx',
      '',
    ]);
    expectFits(f, 40, 7);
  });

  test('without the service-deployment API it says so and still draws the bar (ASCII)', () => {
    const s = snapshot({ serviceDeploymentsAvailable: false, serviceDeployments: [] });
    expect(rowsOf(frame(ok(s), 70, 5, true))).toEqual([
      'web:42 [####################..........] 2/3 new',
      'old 1 draining',
      'IN_PROGRESS · for 4m',
      'service-deployment API unavailable: from DescribeServices',
      '',
    ]);
  });

  test('a finished rollout: nothing left to drain, time since it finished', () => {
    const s = snapshot({
      deployments: [deployment({ running: 3, pending: 0, rolloutState: 'COMPLETED' })],
      serviceDeployments: [
        sd({ status: 'SUCCESSFUL', lifecycleStage: undefined, alarms: undefined, finishedAt: NOW - 90_000 }),
      ],
    });
    expect(rowsOf(frame(ok(s), 60, 4))).toEqual([
      'web:42 [██████████████████████████████] 3/3 new',
      'no old tasks',
      'COMPLETED · SUCCESSFUL · for 1m',
      'breaker MONITORING 1/3 failures',
    ]);
  });

  test('loading, error, no primary deployment', () => {
    expect(rowsOf(frame(loading(), 20, 1))).toEqual(['loading…']);
    expect(rowsOf(frame(failed('ThrottlingException'), 40, 1))).toEqual(['error: ThrottlingException']);
    expect(rowsOf(frame(ok(snapshot({ deployments: [] })), 40, 1))).toEqual(['no deployment']);
  });
});
