// Keys that arrive in one read, and bracketed paste, through the built CLI in a real terminal.
// Each type() below is one write to the pty, which the app reads as one chunk. Needs dist/shipwatch.js.
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { cleanupTerminalsAfterEach, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';

const COLS = 120;
const ROWS = 36;
const HEADER_ROWS = 2;
// The frame is one row shorter than the terminal; its last row is the key bar.
const KEY_BAR = ROWS - 2;
const START_MS = 30_000;
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

cleanupTerminalsAfterEach();

async function demo(extra: string[] = []): Promise<TerminalHandle> {
  const t = spawnTerminal({ args: [CLI_PATH, '--demo', '--seed', '1', ...extra], cols: COLS, rows: ROWS });
  await t.waitFor('r → web:41', START_MS);
  return t;
}

/** Every pane row is full width and ends on a border: nothing the prompt drew moved the cursor. */
function expectBordersIntact(t: TerminalHandle) {
  for (let i = HEADER_ROWS; i < KEY_BAR; i++) {
    const row = t.row(i);
    expect(row, `row ${i}`).toHaveLength(COLS);
    expect('│╮╯', `row ${i}: ${row}`).toContain(row.at(-1));
  }
}

/** Opens the prompt, sends `chunk` as one write and checks what the prompt then shows. */
async function typeInPrompt(t: TerminalHandle, chunk: string, draft: string) {
  t.type('/');
  await t.waitFor('Enter apply');
  t.type(chunk);
  await t.waitFor(`/ ${draft} `);
  expect(t.row(KEY_BAR).startsWith(`/ ${draft} `), t.row(KEY_BAR)).toBe(true);
  expectBordersIntact(t);
}

async function applied(t: TerminalHandle, filter: string) {
  await t.waitFor(`filter: ${filter}`);
  await t.waitForGone('Enter apply');
  expectBordersIntact(t);
}

describe('keys arriving together in a terminal', () => {
  beforeAll(() => {
    if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  });

  test('"cart" + Enter in one read applies the filter, a Backspace burst deletes, a paste is text; paste mode is switched on and off', async () => {
    const t = await demo();
    expect(t.raw()).toContain(PASTE_ON);
    expectBordersIntact(t);
    t.type('/');
    await t.waitFor('Enter apply');
    t.type('cart\r');
    await applied(t, 'cart');
    // The prompt opens on the current filter: four DELs in one read clear it.
    await typeInPrompt(t, '\u007f\u007f\u007f\u007fapi', 'api');
    t.type('\r');
    await applied(t, 'api');
    await typeInPrompt(t, '\u007f\u007f\u007f\u001b[200~GET /health\u001b[201~', 'GET /health');
    t.type('\r');
    await applied(t, 'GET /health');
    t.type('q');
    expect((await t.exited).exitCode).toBe(0);
    expect(t.raw().lastIndexOf(PASTE_OFF)).toBeGreaterThan(t.raw().lastIndexOf(PASTE_ON));
  }, 90_000);

  test('with --no-alt-screen, bracketed paste is still switched on, and off on q', async () => {
    const t = await demo(['--no-alt-screen']);
    expect(t.raw()).toContain(PASTE_ON);
    t.type('q');
    expect((await t.exited).exitCode).toBe(0);
    expect(t.raw().lastIndexOf(PASTE_OFF)).toBeGreaterThan(t.raw().lastIndexOf(PASTE_ON));
  }, 60_000);

  test('SIGTERM switches bracketed paste off too', async () => {
    const t = await demo();
    t.kill('SIGTERM');
    await t.exited;
    expect(t.raw().lastIndexOf(PASTE_OFF)).toBeGreaterThan(t.raw().lastIndexOf(PASTE_ON));
  }, 60_000);
});
