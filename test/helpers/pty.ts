// Runs a command in a real pseudo-terminal and mirrors its output into a headless xterm of the
// same size, so e2e tests assert on the screen a person would see (after cursor moves, clears,
// alternate-screen switches), not on the raw byte stream.
import xtermHeadless from '@xterm/headless';
import nodePty from 'node-pty';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

// Both packages are CommonJS; the default import is module.exports under Node's ESM loader.
const { Terminal } = xtermHeadless;

export const keys = {
  tab: '\t',
  shiftTab: '\x1b[Z',
  escape: '\x1b',
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  ctrlC: '\x03',
} as const;

export interface SpawnOptions {
  command?: string;
  args: string[];
  cols: number;
  rows: number;
  /** Merged over the defaults; pass e.g. { NO_COLOR: '1' } to opt in to colour settings. */
  env?: Record<string, string>;
  cwd?: string;
}

export interface ExitInfo {
  exitCode: number;
  signal?: number;
}

export interface TerminalHandle {
  readonly pid: number;
  /** Visible rows joined by \n, trailing spaces trimmed. */
  screen(): string;
  row(i: number): string;
  /** Every byte the child wrote, escapes included (as decoded UTF-8). */
  raw(): string;
  bytesWritten(): number;
  /** True while the child has the alternate screen buffer active. */
  isAltScreen(): boolean;
  waitFor(match: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves once the text is no longer on screen. */
  waitForGone(match: string | RegExp, timeoutMs?: number): Promise<void>;
  press(key: string): void;
  type(text: string): void;
  resize(cols: number, rows: number): void;
  readonly exited: Promise<ExitInfo>;
  kill(signal?: string): void;
  /** Kills (TERM, then KILL after a grace period) and frees the terminal. Idempotent. */
  dispose(): Promise<void>;
}

// Variables that would make the child force or suppress colour, or make Ink think it runs in
// CI (Ink then skips interactive rendering and prints only the final frame).
const STRIPPED_ENV = [
  'FORCE_COLOR',
  'NO_COLOR',
  'CLICOLOR',
  'CLICOLOR_FORCE',
  'COLORTERM',
  'CI',
  'CONTINUOUS_INTEGRATION',
];

export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !STRIPPED_ENV.includes(k)) env[k] = v;
  }
  // The CLI under test writes its audit log and cost cache to these, and looks for its config in
  // XDG_CONFIG_HOME: never the real home folder, whose config would change what a test sees.
  const scratch = testStateDir();
  return {
    ...env,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    XDG_STATE_HOME: scratch,
    XDG_CACHE_HOME: scratch,
    XDG_CONFIG_HOME: scratch,
    ...extra,
  };
}

let stateDir: string | undefined;
function testStateDir(): string {
  stateDir ??= mkdtempSync(join(tmpdir(), 'shipwatch-test-state-'));
  return stateDir;
}

const live = new Set<TerminalHandle>();

const matches = (screen: string, m: string | RegExp) => {
  if (typeof m === 'string') return screen.includes(m);
  m.lastIndex = 0; // a /g or /y regex remembers where it last matched; each poll reads a new screen
  return m.test(screen);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function spawnTerminal(opts: SpawnOptions): TerminalHandle {
  const { command = process.execPath, args, cols, rows, cwd = process.cwd() } = opts;
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const child = nodePty.spawn(command, args, { name: 'xterm-256color', cols, rows, cwd, env: childEnv(opts.env) });
  let raw = '';
  let bytes = 0;
  let exitInfo: ExitInfo | undefined;
  let disposed = false;

  child.onData((d) => {
    raw += d;
    bytes += Buffer.byteLength(d);
    if (!disposed) term.write(d);
  });
  const exited = new Promise<ExitInfo>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      exitInfo = { exitCode, signal };
      // Let xterm parse what is still queued so screen() after exit shows the final state.
      if (disposed) resolve(exitInfo);
      else term.write('', () => resolve(exitInfo!));
    });
  });

  const row = (i: number) => {
    const buf = term.buffer.active;
    return buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '';
  };
  const screen = () => Array.from({ length: term.rows }, (_, i) => row(i)).join('\n');

  const poll = async (want: boolean, m: string | RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (matches(screen(), m) === want) return;
      if (exitInfo) {
        await sleep(50); // one last parse of trailing output
        if (matches(screen(), m) === want) return;
      }
      if (exitInfo || Date.now() > deadline) {
        const why = exitInfo
          ? `process exited (code ${exitInfo.exitCode}, signal ${exitInfo.signal})`
          : `timed out after ${timeoutMs} ms`;
        throw new Error(
          `waitFor${want ? '' : 'Gone'}(${String(m)}): ${why}. Last screen (${term.cols}x${term.rows}):\n${screen()}`,
        );
      }
      await sleep(50);
    }
  };

  const handle: TerminalHandle = {
    pid: child.pid,
    screen,
    row,
    raw: () => raw,
    bytesWritten: () => bytes,
    isAltScreen: () => term.buffer.active.type === 'alternate',
    waitFor: (m, timeoutMs = 10_000) => poll(true, m, timeoutMs),
    waitForGone: (m, timeoutMs = 10_000) => poll(false, m, timeoutMs),
    press: (key) => child.write(key),
    type: (text) => child.write(text),
    resize(c, r) {
      // Resize the mirror first so the child's redraw (after SIGWINCH) lands at the new size.
      term.resize(c, r);
      child.resize(c, r);
    },
    exited,
    kill(signal = 'SIGTERM') {
      if (!exitInfo) child.kill(signal);
    },
    async dispose() {
      if (disposed) return;
      live.delete(handle);
      if (!exitInfo) {
        child.kill('SIGTERM');
        const done = await Promise.race([exited.then(() => true), sleep(2000).then(() => false)]);
        if (!done) child.kill('SIGKILL');
        await Promise.race([exited, sleep(1000)]);
      }
      disposed = true;
      term.dispose();
    },
  };
  live.add(handle);
  return handle;
}

/** Kills and frees every terminal still alive. */
export async function disposeAllTerminals(): Promise<void> {
  await Promise.all([...live].map((t) => t.dispose()));
}

/** Call once at the top of a test file: every terminal spawned in a test is torn down after it. */
export function cleanupTerminalsAfterEach(): void {
  afterEach(disposeAllTerminals);
}
