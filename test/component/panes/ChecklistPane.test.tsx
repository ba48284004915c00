import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { ChecklistPane } from '../../../src/ui/panes/ChecklistPane.js';
import type { ChecklistStepDef, StepResult } from '../../../src/domain/model.js';
import { NOW, expectFits, rowsOf } from './fixtures.js';

const steps: ChecklistStepDef[] = [
  { id: 'steady', title: 'Service steady', phase: 'post', kind: 'ecs-steady' },
  { id: 'backup', title: 'DB backup taken', phase: 'pre', kind: 'manual' },
  { id: 'alarms', title: 'No alarms', phase: 'post', kind: 'alarms-ok' },
  { id: 'logs', title: 'No ERROR in logs', phase: 'post', kind: 'no-log-errors' },
  { id: 'cost', title: 'Cost in range', phase: 'post', kind: 'cost-within' },
];
const results: Record<string, StepResult> = {
  backup: { status: 'passed', startedAt: NOW - 65_000, finishedAt: NOW - 2_000 },
  steady: { status: 'running', startedAt: NOW - 12_000 },
  alarms: {
    status: 'failed',
    startedAt: NOW - 5_000,
    finishedAt: NOW - 4_000,
    output: 'web-5xx is in ALARM\nweb-p99 OK',
  },
  cost: { status: 'skipped' },
};
const frame = (selected: number, width = 60, height = 9) =>
  render(
    <ChecklistPane steps={steps} results={results} selected={selected} now={NOW} width={width} height={height} />,
  ).lastFrame();

describe('ChecklistPane', () => {
  test('grouped by phase in order, glyphs that read without colour, durations, failure output', () => {
    const f = frame(2);
    expect(rowsOf(f)).toEqual([
      'Pre-deploy',
      '  [ok]   DB backup taken  manual        1m03s',
      'Post-deploy',
      '  [..]   Service steady   ecs-steady    12s',
      '> [FAIL] No alarms        alarms-ok     1s',
      '          web-5xx is in ALARM',
      '  [  ]   No ERROR in logs no-log-errors',
      '  [--]   Cost in range    cost-within',
      '',
    ]);
    expectFits(f, 60, 9);
  });

  test('the selected step is marked and kept on screen in a short pane', () => {
    const rows = rowsOf(frame(4, 40, 3));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.startsWith('>'))).toEqual(['> [--]   Cost in range    cost-within']);
    // A third of the pane tells what the selected step does; the list scrolls to keep it in view.
    const manual = rowsOf(frame(1, 40, 3));
    expect(manual.filter((r) => r.startsWith('>'))).toHaveLength(1);
    expect(manual[2]).toBe('manual: Space ticks it when done');
  });

  test('the selected command step shows its command in full, and what blocks it', () => {
    const steps = [
      {
        id: 'c',
        title: 'Validate secrets',
        phase: 'pre' as const,
        kind: 'command' as const,
        placeholders: ['v1.X.Y'],
        command: { run: 'cd terraform\nbash validate_secrets.sh us-east-2', timeoutMs: 60_000, expect: {} },
      },
    ];
    const r = render(<ChecklistPane steps={steps} results={{}} selected={0} now={NOW} width={60} height={9} />);
    const rows = rowsOf(r.lastFrame());
    expect(rows[1]).toMatch(/^> \[ {2}\] {2}!Validate secrets/);
    expect(rows.slice(-3)).toEqual([
      'fill first: v1.X.Y (not run until filled)',
      // deny by default: a program shipwatch does not know is not taken to only read
      'asks y, never runs in --read-only: shipwatch cannot tell th…',
      '$ cd terraform … (o shows all)',
    ]);
  });

  test('no steps', () => {
    const r = render(<ChecklistPane steps={[]} results={{}} selected={0} now={NOW} width={40} height={2} />);
    expect(rowsOf(r.lastFrame())).toEqual(['no checklist steps configured', '']);
  });

  test("a runbook step's multi-line note and escape sequences keep one row each: no row is squeezed out", () => {
    const rb: ChecklistStepDef[] = [
      {
        id: 'a',
        title: 'Validate \u001b[2JSecrets',
        phase: 'pre',
        kind: 'command',
        command: { run: 'bash validate.sh', timeoutMs: 1000, expect: {} },
        note: 'line one\nline two\nline three\nline four',
      },
      { id: 'b', title: 'Review plan', phase: 'pre', kind: 'manual' },
      { id: 'c', title: 'Apply', phase: 'deploy', kind: 'manual' },
    ];
    const f =
      render(<ChecklistPane steps={rb} results={{}} selected={0} now={NOW} width={60} height={9} />).lastFrame() ?? '';
    const rows = rowsOf(f);
    expect(rows.slice(0, 6)).toEqual([
      'Pre-deploy',
      '> [  ]   Validate Secrets command',
      '  [  ]   Review plan      manual',
      'Deploy',
      '  [  ]   Apply            manual',
      '',
    ]);
    expect(rows[6]).toMatch(/^asks y, never runs in --read-only/);
    expect(rows[7]).toBe('$ bash validate.sh');
    expect(rows.slice(8)).toEqual(['line one … (o shows all)']);
    expect(f).not.toContain('\u001b[2J');
  });
});
