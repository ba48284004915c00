import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { DeploymentsPane } from '../../../src/ui/panes/DeploymentsPane.js';
import type { ServiceSnapshot } from '../../../src/domain/model.js';
import type { Slice } from '../../../src/app/state.js';
import { MIN, NOW, deployment, expectFits, failed, loading, ok, rowsOf, snapshot } from './fixtures.js';

const frame = (service: Slice<ServiceSnapshot>, width = 78, height = 12, cursor = 0) =>
  render(<DeploymentsPane service={service} now={NOW} width={width} height={height} cursor={cursor} />).lastFrame();

const release = snapshot({
  events: [
    { id: 'e2', createdAt: NOW - 12_000, message: '(service web) has started 1 tasks: (task 0f3c).' },
    { id: 'e1', createdAt: NOW - 5 * MIN, message: '(service web) has reached a steady state.' },
  ],
  stoppedTasks: [
    {
      taskArn: 'arn:aws:ecs:task/1',
      taskDefinition: { family: 'web', revision: 42 },
      stoppedReason: 'ResourceInitializationError: unable to pull secrets',
      stopCode: 'TaskFailedToStart',
      stoppedAt: NOW - 3 * MIN,
    },
  ],
});

describe('DeploymentsPane', () => {
  test('deployments, newest events, stopped tasks', () => {
    expect(rowsOf(frame(ok(release), 90, 12))).toEqual([
      'STATUS   REV    IMAGE  D/R/P F   STATE       AGE',
      'PRIMARY  web:42 v1.4.0 3/2/1 f0  IN_PROGRESS 4m',
      'ACTIVE   web:41 v1.3.6 1/1/0 f0  COMPLETED   26h00m',
      '',
      'Events',
      '12s ago    has started 1 tasks: (task 0f3c).',
      '5m ago     has reached a steady state.',
      '',
      'Stopped tasks',
      '3m ago     web:42 ResourceInitializationError: unable to pull secrets (TaskFailedToStart)',
      '',
      '',
    ]);
  });

  test('a failed rollout shows its reason under it', () => {
    const s = snapshot({
      deployments: [deployment({ rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker tripped', failed: 3 })],
    });
    expect(rowsOf(frame(ok(s))).slice(1, 3)).toEqual([
      'PRIMARY  web:42 v1.4.0 3/2/1 f3  FAILED      4m',
      '  ↳ circuit breaker tripped',
    ]);
  });

  test('what the adapter could not read is said under the deployments', () => {
    const s = snapshot({ notes: ['ecs:ListTasks: access denied — the IAM policy needs ecs:ListTasks (see README)'] });
    expect(rowsOf(frame(ok(s), 90)).slice(1, 4)).toEqual([
      'PRIMARY  web:42 v1.4.0 3/2/1 f0  IN_PROGRESS 4m',
      'ACTIVE   web:41 v1.3.6 1/1/0 f0  COMPLETED   26h00m',
      '! ecs:ListTasks: access denied — the IAM policy needs ecs:ListTasks (see README)',
    ]);
  });

  test('one tag per distinct image, sidecars included', () => {
    const s = snapshot({ deployments: [deployment({ imageTags: ['v1.4.0', 'v1.4.0', '2.1'] })] });
    expect(rowsOf(frame(ok(s)))[1]).toContain(' v1.4.0,2.1 ');
  });

  test('the cursor (deployments, events, stopped tasks) is kept in view, clamped at the end', () => {
    // Cursor 2 is the newest event: the window moves just enough to show it.
    expect(rowsOf(frame(ok(release), 90, 4, 2))).toEqual([
      'ACTIVE   web:41 v1.3.6 1/1/0 f0  COMPLETED   26h00m',
      '',
      'Events',
      '12s ago    has started 1 tasks: (task 0f3c).',
    ]);
    expect(rowsOf(frame(ok(release), 90, 4, 999))).toEqual([
      '5m ago     has reached a steady state.',
      '',
      'Stopped tasks',
      '3m ago     web:42 ResourceInitializationError: unable to pull secrets (TaskFailedToStart)',
    ]);
    expect(rowsOf(frame(ok(release), 90, 4, -3))[0]).toMatch(/^STATUS/);
  });

  test('with a mark, the cursor row carries the marker; on the first row the column heads show', () => {
    const marked = (cursor: number) =>
      rowsOf(
        render(
          <DeploymentsPane
            service={ok(release)}
            now={NOW}
            width={90}
            height={4}
            cursor={cursor}
            mark={{ focused: true, ascii: true }}
          />,
        ).lastFrame(),
      );
    expect(marked(0)).toEqual([
      ' STATUS   REV    IMAGE  D/R/P F   STATE       AGE',
      '>PRIMARY  web:42 v1.4.0 3/2/1 f0  IN_PROGRESS 4m',
      ' ACTIVE   web:41 v1.3.6 1/1/0 f0  COMPLETED   26h00m',
      '',
    ]);
    expect(marked(4).at(-1)).toBe(
      '>3m ago     web:42 ResourceInitializationError: unable to pull secrets (TaskFailedToStart)',
    );
  });

  test('never exceeds its box, even when narrow and short', () => {
    const f = frame(ok(release), 30, 5);
    expect(rowsOf(f)).toHaveLength(5);
    expectFits(f, 30, 5);
    expect(rowsOf(f)[3]).toBe('');
  });

  test('loading, error without data, empty service', () => {
    expect(rowsOf(frame(loading(), 40, 2))).toEqual(['loading…', '']);
    expect(rowsOf(frame(failed('AccessDeniedException: not authorized'), 60, 1))).toEqual([
      'error: AccessDeniedException: not authorized',
    ]);
    expect(rowsOf(frame(ok(snapshot({ deployments: [] })), 40, 3))).toEqual(['no deployments', '', 'Events']);
  });
});
