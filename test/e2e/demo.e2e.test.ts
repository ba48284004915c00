// The built CLI in a real terminal, read the way an on-call engineer reads it. Needs dist/shipwatch.js.
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { cleanupTerminalsAfterEach, keys, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';

const TITLES = ['Deployments', 'Rollout', 'Alarms', 'Metrics', 'Cost', 'Logs', 'Checklist'];
const TITLE_RE = /\[\d\] (Deployments|Rollout|Alarms|Metrics|Cost|Logs|Checklist)/g;
const VERDICT_RE = /\b(ROLLING|HEALTHY|DEGRADED|ALARM)\b/;
// Text only the confirmation dialog shows: the key bar says "y confirm", the dialog "y roll back …".
const DIALOG_RE = /\by\b[^\n]*roll back/i;
const HEADER_ROWS = 2;
// Two slow cores: the first frame of a cold `node dist/shipwatch.js` can take several seconds.
const START_MS = 30_000;

cleanupTerminalsAfterEach();

const dash = (cols: number, rows: number, args: string[] = ['--demo', '--seed', '1'], env?: Record<string, string>) =>
  spawnTerminal({ args: [CLI_PATH, ...args], cols, rows, env });

/** Rows between the header and the key bar, where panes and overlays draw. */
const body = (t: TerminalHandle, rows: number) =>
  t
    .screen()
    .split('\n')
    .slice(HEADER_ROWS, rows - 2)
    .join('\n');
// A fresh regex each time: matchAll starts at a shared /g regex's lastIndex.
const titlesIn = (text: string) => [...text.matchAll(new RegExp(TITLE_RE))].map((m) => m[1]);

async function waitForDashboard(t: TerminalHandle) {
  await t.waitFor('demo-cluster', START_MS);
  await t.waitFor(VERDICT_RE, START_MS);
}

/** Fails if the text shows up at any moment during the next ms milliseconds. */
async function expectNever(t: TerminalHandle, text: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect(t.screen()).not.toContain(text);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True when any SGR sequence sets a foreground or background colour (16, 256 or true colour). */
function hasSgrColour(raw: string): boolean {
  for (const m of raw.matchAll(/\x1b\[([\d;]*)m/g)) {
    const params = m[1]!.split(';').map(Number);
    if (
      params.some((p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107))
    )
      return true;
  }
  return false;
}

describe('shipwatch --demo in a terminal', () => {
  beforeAll(() => {
    if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  });

  test('120x36 shows the header, the verdict, the rollback hint and all seven panes', async () => {
    const t = dash(120, 36);
    await waitForDashboard(t);
    await t.waitFor('r → web:41', START_MS);
    const s = t.screen();
    for (const word of ['web', 'demo-cluster', 'us-east-1', 'T+']) expect(s).toContain(word);
    expect(s).toMatch(VERDICT_RE);
    for (const title of TITLES) expect(s).toContain(title);
    expect(new Set(titlesIn(s))).toEqual(new Set(TITLES));
    // The app keeps its frame to rows-1 (a full-height Ink frame clears the screen each render).
    expect(t.row(35)).toBe('');
  }, 60_000);

  test('r then y rolls back to web:41', async () => {
    const t = dash(120, 36, ['--demo', '--speed', '60', '--seed', '1']);
    await t.waitFor('r → web:41', START_MS);
    t.press('r');
    await t.waitFor(DIALOG_RE);
    expect(t.screen()).toContain('web:42');
    expect(t.screen()).toContain('web:41');
    t.press('y');
    await t.waitFor('ROLLING BACK', 15_000);
    await t.waitFor('ROLLED BACK', 45_000);
  }, 120_000);

  test('r then n cancels: the dialog closes and nothing rolls back', async () => {
    const t = dash(120, 36, ['--demo', '--speed', '60', '--seed', '1']);
    await t.waitFor('r → web:41', START_MS);
    t.press('r');
    await t.waitFor(DIALOG_RE);
    t.press('n');
    await t.waitForGone(DIALOG_RE);
    await expectNever(t, 'ROLLING BACK', 2000);
  }, 60_000);

  test('80x24 shows the header and one pane; Tab and 3 change it', async () => {
    const t = dash(80, 24);
    await waitForDashboard(t);
    expect(t.row(0)).toContain('web');
    await t.waitFor(TITLE_RE);
    const first = titlesIn(body(t, 24));
    expect(first).toHaveLength(1);
    t.press(keys.tab);
    await t.waitFor(new RegExp(`\\[\\d\\] (?!${first[0]})(${TITLES.join('|')})`));
    expect(titlesIn(body(t, 24))).toHaveLength(1);
    t.press('3');
    await t.waitFor('[3] Alarms');
    expect(titlesIn(body(t, 24))).toEqual(['Alarms']);
    expect(t.row(23)).toBe('');
  }, 60_000);

  test('70x20 says the terminal is too small, then lays out the grid after a resize', async () => {
    const t = dash(70, 20);
    await t.waitFor('terminal too small (need 80x24)', START_MS);
    t.resize(120, 36);
    await t.waitFor(/\[\d\] Checklist/);
    await waitForDashboard(t);
    const s = t.screen();
    expect(s).not.toContain('terminal too small');
    expect(new Set(titlesIn(s))).toEqual(new Set(TITLES));
  }, 60_000);

  test('q quits with code 0 and leaves the alternate screen', async () => {
    const t = dash(120, 36);
    await waitForDashboard(t);
    expect(t.isAltScreen()).toBe(true);
    t.press('q');
    const { exitCode } = await t.exited;
    expect(exitCode).toBe(0);
    expect(t.isAltScreen()).toBe(false);
    expect(t.screen()).not.toContain('demo-cluster');
    expect(t.screen()).not.toMatch(TITLE_RE);
  }, 60_000);

  test('NO_COLOR=1 writes no colour sequences (and colour is on without it)', async () => {
    const plain = dash(120, 36, undefined, { NO_COLOR: '1' });
    await waitForDashboard(plain);
    await plain.waitFor(/\[\d\] Logs/);
    expect(hasSgrColour(plain.raw())).toBe(false);
    // Control: the same check must see colour in a normal run, or it proves nothing.
    const coloured = dash(120, 36);
    await waitForDashboard(coloured);
    expect(hasSgrColour(coloured.raw())).toBe(true);
  }, 90_000);

  test('? opens the help overlay and Escape closes it', async () => {
    const t = dash(120, 36);
    await waitForDashboard(t);
    await t.waitFor(/\[\d\] Checklist/);
    t.press('?');
    // The key bar always says "rollback" and "quit": look for them where the panes were.
    await expect.poll(() => body(t, 36), { timeout: 10_000 }).toMatch(/\bquit\b/i);
    expect(body(t, 36)).toMatch(/\brollback\b/i);
    t.press(keys.escape);
    await expect.poll(() => body(t, 36), { timeout: 10_000 }).not.toMatch(/\bquit\b/i);
    expect(new Set(titlesIn(t.screen()))).toEqual(new Set(TITLES));
  }, 60_000);
});
