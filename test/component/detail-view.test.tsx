// Enter on a row opens it in full: the alarm and log rows end to end inside the app, with the
// overlay's scrolling keys, the alarm history read on demand, and Esc back to the same row.
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alarm, LogEvent } from '../../src/domain/model.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.stop());
const frame = () => stripVTControlCharacters(app!.lastFrame() ?? '');
const until = (check: (f: string) => boolean) => waitForFrame(frame, check);
const rows = () => frame().split('\n');

const NOW = 1_000_000 + 5 * 60_000;
const REASON =
  'Threshold Crossed: 1 out of the last 1 datapoints [12.0 (15/01/25 12:03:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).';
const ALARMS: Alarm[] = [
  {
    name: 'facilitator-production-alb-5xx-high',
    kind: 'metric',
    state: 'ALARM',
    reason: REASON,
    stateUpdatedAt: NOW - 60_000,
    metric: {
      namespace: 'AWS/ApplicationELB',
      name: 'HTTPCode_Target_5XX_Count',
      stat: 'Sum',
      dimensions: { TargetGroup: 'targetgroup/web/6d0ecf831eec9f09' },
    },
    threshold: 5,
    comparison: 'GreaterThanThreshold',
  },
  {
    name: 'facilitator-production-ecs-cpu-high',
    kind: 'metric',
    state: 'OK',
    reason: 'Threshold Crossed: no datapoints were greater than the threshold (70.0).',
    stateUpdatedAt: NOW - 120_000,
  },
];

describe('alarm names told apart', () => {
  it.each([
    [80, 24],
    [120, 36],
  ])('at %ix%i both alarms show what tells them apart, the shared start once', async (cols, rowsN) => {
    app = renderApp(new FakeBackend({ alarms: ALARMS }), { cols, rows: rowsN });
    await until((f) => f.includes('[1] Deployments'));
    app.press('pane.focus.alarms');
    const f = await until((x) => x.includes('2 OK') || x.includes('1 OK'));
    // Said once on the count line (cut at the end where the pane is narrow).
    expect(rows().find((r) => r.includes('1 ALARM · 1 OK'))).toMatch(/1 ALARM · 1 OK · facilitator-produc/);
    const alarmRow = rows().find((r) => r.includes('ALARM ') && r.includes('alb-5xx'));
    const okRow = rows().find((r) => r.includes('OK ') && r.includes('ecs-cpu'));
    expect(alarmRow, f).toBeDefined();
    expect(okRow, f).toBeDefined();
  });
});

describe('the detail view', () => {
  it('Enter on an alarm row: the alarm whole, its history read on demand, the command; ↑↓ PgDn End Home scroll; Esc back', async () => {
    const backend = new FakeBackend({
      alarms: ALARMS,
      alarmHistory: {
        'facilitator-production-alb-5xx-high': [
          { at: NOW - 60_000, from: 'OK', to: 'ALARM', reason: 'Threshold Crossed: 1 datapoint [12.0]' },
        ],
      },
    });
    app = renderApp(backend, { cols: 80, rows: 24 });
    await until((f) => f.includes('[1] Deployments'));
    app.press('pane.focus.alarms');
    await until((f) => f.includes('1 ALARM · 1 OK'));
    // The cursor starts on the first row (ALARM first); the marker shows it.
    expect(rows().find((r) => r.includes('alb-5xx'))).toMatch(/▶ALARM/);
    app.press('row.open');
    let f = await until((x) => x.includes('Alarm facilitator-production-alb-5xx-high · ALARM'));
    expect(f).toContain('name        facilitator-production-alb-5xx-high');
    expect(f).toContain('fires when  > 5 (GreaterThanThreshold)');
    // The reason whole, wrapped under its label: its last words are on screen too.
    expect(f).toContain('reason      Threshold Crossed: 1 out of the last 1 datapoints [12.0');
    expect(f).toContain('for OK -> ALARM transition).');
    f = await until((x) => x.includes('OK → ALARM at'));
    expect(f).toContain('Threshold Crossed: 1 datapoint [12.0]');
    // 17 rows a page at 80x24, 26 in all: the title says which are shown.
    expect(f).toContain('· 1-17/26 · Esc closes');
    app.press('output.down');
    await until((x) => x.includes('· 2-18/26 ·'));
    app.press('output.end');
    await until((x) => x.includes('· 10-26/26 ·'));
    expect(rows()).toEqual(
      expect.arrayContaining([
        'aws cloudwatch describe-alarms \\',
        '  --alarm-names facilitator-production-alb-5xx-high --region us-east-1',
        '# the alarm in the console',
        // A link wider than the terminal is cut only where the width forces it, nothing added.
        'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarms',
        'V2:alarm/facilitator-production-alb-5xx-high',
      ]),
    );
    // The last row is the last of the content: End went no further.
    app.press('output.down');
    await new Promise((r) => setTimeout(r, 50));
    expect(frame()).toContain('· 10-26/26 ·');
    app.press('output.home');
    await until((x) => x.includes('· 1-17/26 ·'));
    app.press('output.pageDown');
    await until((x) => x.includes('· 10-26/26 ·'));
    app.press('output.pageUp');
    await until((x) => x.includes('· 1-17/26 ·'));
    app.press('output.close');
    await until((x) => !x.includes('Esc closes') && x.includes('[3] Alarms'));
    expect(rows().find((r) => r.includes('alb-5xx'))).toMatch(/▶ALARM/);
  });

  it('↓ moves the cursor to the next alarm and Enter opens that one; a history that cannot be read says so', async () => {
    const backend = new FakeBackend({ alarms: ALARMS });
    backend.getAlarmHistory = async () => {
      throw new Error('DescribeAlarmHistory: The action is not implemented');
    };
    app = renderApp(backend, { cols: 80, rows: 24 });
    await until((f) => f.includes('[1] Deployments'));
    app.press('pane.focus.alarms');
    await until((f) => f.includes('1 ALARM · 1 OK'));
    app.press('scroll.down');
    await until(() => /▶OK/.test(rows().find((r) => r.includes('ecs-cpu')) ?? ''));
    app.press('row.open');
    const f = await until((x) => x.includes("could not read the alarm's history"));
    expect(f).toContain('Alarm facilitator-production-ecs-cpu-high · OK');
    expect(f.replace(/\s+/g, ' ')).toContain(
      "could not read the alarm's history: DescribeAlarmHistory: The action is not implemented",
    );
  });

  it('Enter on a log line: time to the ms, stream whole, the JSON indented; Esc back to following', async () => {
    const stream = 'ecs/web/0f3c1a2b9d8e4f00aa11bb22cc33dd44';
    const logs: LogEvent[] = [
      {
        id: 'a',
        timestamp: NOW - 2000,
        stream,
        level: 'ERROR',
        message: 'ERROR {"msg":"payment failed","code":"E42"}',
      },
      { id: 'b', timestamp: NOW - 1000, stream, level: 'INFO', message: 'GET /health 200' },
    ];
    app = renderApp(new FakeBackend({ logs }), { cols: 80, rows: 24 });
    await until((f) => f.includes('[1] Deployments'));
    app.press('pane.focus.logs');
    await until((f) => f.includes('GET /health 200'));
    // Up moves the cursor from the newest line to the error above it.
    app.press('scroll.up');
    await until(() => /▶\d\d:\d\d:\d\d 0f3c1a2b ERROR/.test(rows().join('\n')) || /▶.*payment failed/.test(frame()));
    app.press('row.open');
    const f = await until((x) => x.includes('Log line ·'));
    expect(f).toContain(`stream      ${stream}`);
    expect(f).toContain('"msg": "payment failed",');
    expect(f).toContain('level       ERROR');
    expect(f).toMatch(/at {10}1970-01-01T00:\d\d:\d\d\.000Z/);
    app.press('output.close');
    await until((x) => !x.includes('Log line ·') && x.includes('[6] Logs'));
  });

  it('the key bar stays within 80 columns on every pane and in the detail view, whole items only', async () => {
    app = renderApp(new FakeBackend({ alarms: ALARMS }), { cols: 80, rows: 24 });
    await until((f) => f.includes('[1] Deployments'));
    const bar = () =>
      rows()
        .filter((r) => r.trim())
        .at(-1)!;
    for (const pane of ['deployments', 'rollout', 'alarms', 'metrics', 'cost', 'logs', 'checklist']) {
      app.press(`pane.focus.${pane}`);
      await until((x) => x.includes(`] ${pane[0]!.toUpperCase()}${pane.slice(1)}`));
      expect(bar().length, bar()).toBeLessThanOrEqual(80);
      expect(bar(), pane).not.toContain('…');
    }
    app.press('pane.focus.alarms');
    await until((x) => x.includes('[3] Alarms'));
    expect(bar()).toContain('Enter detail');
    app.press('row.open');
    await until((x) => x.includes('Esc closes'));
    expect(bar()).toBe('Esc close  PgDn page');
  });
});
