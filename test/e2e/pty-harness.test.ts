// Checks the pty harness itself against a tiny Ink fixture, independent of the real CLI.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cleanupTerminalsAfterEach, keys, spawnTerminal } from '../helpers/pty.js';

const FIXTURE = fileURLToPath(new URL('../helpers/fixtures/counter.mjs', import.meta.url));
const start = (cols = 40, rows = 10, env?: Record<string, string>) =>
  spawnTerminal({ args: [FIXTURE], cols, rows, env });

cleanupTerminalsAfterEach();

describe('pty harness', () => {
  test('reads the screen, presses keys, sees the re-render', async () => {
    const t = start();
    await t.waitFor('fixture ready', 15_000);
    expect(t.screen()).toContain('size 40x10');
    expect(t.row(0)).toMatch(/^┌─+┐$/);
    expect(t.isAltScreen()).toBe(true);
    t.press(keys.up);
    t.type('+');
    await t.waitFor('count 2');
    t.press(keys.shiftTab);
    await t.waitFor('last shift-tab');
    t.press(keys.tab);
    await t.waitFor(/last tab\s*│/);
    // A lone ESC is ambiguous (it starts escape sequences); Ink must still report it on its own.
    t.press(keys.escape);
    await t.waitFor('last escape');
    t.press(keys.enter);
    await t.waitFor('last enter');
    // A /g regex is stateful; reusing one must not make waitFor miss text that is on screen.
    const re = /count \d/g;
    await t.waitFor(re);
    await t.waitFor(re);
    expect(t.bytesWritten()).toBeGreaterThan(0);
  });

  test('resize re-renders at the new size', async () => {
    const t = start();
    await t.waitFor('size 40x10', 15_000);
    t.resize(60, 12);
    await t.waitFor('size 60x12');
    expect(t.row(0)).toHaveLength(60);
  });

  test('quit leaves the alternate screen with exit code 0', async () => {
    const t = start();
    await t.waitFor('fixture ready', 15_000);
    t.press('q');
    expect((await t.exited).exitCode).toBe(0);
    expect(t.isAltScreen()).toBe(false);
    expect(t.screen()).not.toContain('count 0');
    expect(t.screen()).toContain('fixture exited');
  });

  test('colour only unless NO_COLOR; the child sees TERM and LANG', async () => {
    const colour = start();
    await colour.waitFor('fixture ready', 15_000);
    expect(colour.raw()).toMatch(/\x1b\[3\dm/);
    const plain = start(40, 10, { NO_COLOR: '1' });
    await plain.waitFor('fixture ready', 15_000);
    expect(plain.raw()).not.toMatch(/\x1b\[3\dm|\x1b\[38;/);
    const env = spawnTerminal({
      command: '/bin/sh',
      args: ['-c', 'echo "$TERM $LANG [$FORCE_COLOR$CI]"'],
      cols: 40,
      rows: 5,
    });
    await env.exited;
    expect(env.screen()).toContain('xterm-256color C.UTF-8 []');
  });

  test('waitFor times out with the last screen in the message', async () => {
    const t = start();
    await t.waitFor('fixture ready', 15_000);
    await expect(t.waitFor('never shown', 300)).rejects.toThrow(/timed out after 300 ms[\s\S]*count 0/);
  });
});
