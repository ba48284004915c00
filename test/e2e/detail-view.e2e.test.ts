// Every truncated fact one key away, in the built CLI in a real 80x24 terminal without colour:
// the row cursor is a glyph, Enter opens the row in full, the overlay scrolls, Esc goes back.
// Needs dist/shipwatch.js (or SHIPWATCH_CLI).
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { cleanupTerminalsAfterEach, keys, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';

const COLS = 80;
const ROWS = 24;
// Two slow cores: the first frame of a cold start can take several seconds.
const START_MS = 30_000;

cleanupTerminalsAfterEach();

async function demo(): Promise<TerminalHandle> {
  const t = spawnTerminal({
    args: [CLI_PATH, '--demo', '--seed', '1'],
    cols: COLS,
    rows: ROWS,
    env: { NO_COLOR: '1' },
  });
  await t.waitFor('r → web:41', START_MS);
  return t;
}

const rowWith = (t: TerminalHandle, re: RegExp) =>
  t
    .screen()
    .split('\n')
    .find((r) => re.test(r));

describe('the detail view at 80x24', () => {
  beforeAll(() => {
    if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  });

  test('an alarm row: the cursor shows without colour, Enter opens the alarm whole with its command, Esc back', async () => {
    const t = await demo();
    t.type('3');
    await t.waitFor('▶ [3] Alarms');
    // The demo's alarms share "web-": said once, and the cursor marks the first row.
    await t.waitFor(/· web-…/);
    const first = rowWith(t, /│▶(ALARM|INSUF|OK)/);
    expect(first, t.screen()).toBeDefined();
    t.press(keys.down);
    await t.waitFor(/│ (ALARM|INSUF|OK) .*\n│▶/);
    t.press(keys.enter);
    await t.waitFor(/Alarm web-\S+ · (ALARM|OK|INSUFFICIENT_DATA) · /);
    const screen = t.screen();
    expect(screen).toMatch(/^name {8}web-\S+/m);
    expect(screen).toMatch(/^reason {6}\S/m);
    expect(screen).toContain('Esc closes');
    // No side borders: a row of the view starts with its text in the first column.
    expect(screen).toMatch(/^state {7}(ALARM|OK|INSUFFICIENT_DATA) since /m);
    t.press('G');
    await t.waitFor('# the alarm in the console');
    expect(t.screen()).toMatch(/^aws cloudwatch describe-alarms /m);
    expect(t.screen()).toContain('https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1');
    t.press(keys.escape);
    await t.waitForGone('Esc closes');
    await t.waitFor('▶ [3] Alarms');
    // Back on the row it left.
    expect(t.screen()).toMatch(/│ (ALARM|INSUF|OK) .*\n│▶/);
    t.type('q');
    expect((await t.exited).exitCode).toBe(0);
  }, 90_000);

  test('a log line: ↑ moves off the newest line, Enter shows its stream and message whole, Esc back', async () => {
    const t = await demo();
    t.type('6');
    await t.waitFor('▶ [6] Logs');
    await t.waitFor(/│▶\d\d:\d\d:\d\d /);
    t.type('p'); // hold the stream still so the line under the cursor is the one opened
    await t.waitFor('PAUSED');
    t.press(keys.up);
    await t.waitFor(/│▶\d\d:\d\d:\d\d .*\n│ \d\d:\d\d:\d\d /);
    const row = rowWith(t, /│▶\d\d:\d\d:\d\d /)!;
    const time = /▶(\d\d:\d\d:\d\d)/.exec(row)![1]!;
    t.press(keys.enter);
    await t.waitFor(`Log line · ${time}`);
    expect(t.screen()).toMatch(/^stream {6}\S+\/\S+/m);
    expect(t.screen()).toMatch(/^Message$/m);
    t.press(keys.escape);
    await t.waitForGone('Log line ·');
    await t.waitFor('▶ [6] Logs');
    t.type('q');
    expect((await t.exited).exitCode).toBe(0);
  }, 90_000);
});
