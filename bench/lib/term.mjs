// The built CLI in a real pty mirrored into a headless xterm of the same size, the way the e2e
// harness (test/helpers/pty.ts) runs it: the screen a person sees, and every byte it cost.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './proc.mjs';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const { Terminal } = require('@xterm/headless');

// Variables that would force or suppress colour, or make Ink think it runs in CI (it then prints
// only the final frame): stripped, as the test harness does.
// The last one is the bench's own (run.mjs silences the SDK's Node 20 notice in this process only).
const STRIPPED = [
  'FORCE_COLOR',
  'NO_COLOR',
  'CLICOLOR',
  'CLICOLOR_FORCE',
  'COLORTERM',
  'CI',
  'CONTINUOUS_INTEGRATION',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
];

/** The test harness's env: a 256-colour UTF-8 terminal, and a fresh scratch folder for the audit
 *  log, release memory and cost cache, so a run never touches $HOME nor remembers an earlier run. */
export function childEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !STRIPPED.includes(k)) env[k] = v;
  const scratch = mkdtempSync(join(tmpdir(), 'shipwatch-bench-state-'));
  return {
    ...env,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    XDG_STATE_HOME: scratch,
    XDG_CACHE_HOME: scratch,
    ...extra,
  };
}

/**
 * Spawns `node script ...args` at cols x rows. `onParsed(handle)` (settable later) runs after each
 * chunk of output has been parsed by the mirror, i.e. when that chunk is on the mirrored screen.
 */
export function spawnCli({ script, args, cols, rows, env = {}, cwd }) {
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const t0 = performance.now();
  const child = pty.spawn(process.execPath, [script, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd,
    env: childEnv(env),
  });
  let bytes = 0;
  let exit;
  let disposed = false;
  const exited = new Promise((r) => child.onExit((e) => r((exit = e))));
  const row = (i) => {
    const b = term.buffer.active;
    return b.getLine(b.viewportY + i)?.translateToString(true) ?? '';
  };
  const screen = () => Array.from({ length: rows }, (_, i) => row(i)).join('\n');
  const handle = {
    pid: child.pid,
    startedAt: t0,
    onParsed: undefined,
    bytes: () => bytes,
    screen,
    row,
    exited: () => exit,
    press: (k) => child.write(k),
    /** Polls every 20 ms; resolves with the ms since spawn, false on timeout, throws if it exits. */
    async waitFor(match, ms, what = String(match)) {
      const ok = typeof match === 'function' ? match : (s) => match.test(s);
      const deadline = performance.now() + ms;
      for (;;) {
        if (ok(screen())) return performance.now() - t0;
        if (exit) throw new Error(`exited (code ${exit.exitCode}) waiting for ${what}\n${screen().trimEnd()}`);
        if (performance.now() > deadline) return false;
        await sleep(20);
      }
    },
    async dispose() {
      if (disposed) return;
      if (!exit) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(2000)]);
        if (!exit) child.kill('SIGKILL');
        await Promise.race([exited, sleep(1000)]);
      }
      disposed = true;
      term.dispose();
    },
  };
  child.onData((d) => {
    bytes += Buffer.byteLength(d);
    if (disposed) return;
    term.write(d, () => handle.onParsed?.(handle));
  });
  return handle;
}
