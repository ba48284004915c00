// Runs the built CLI without a terminal (pipes), for the non-TTY snapshot mode and flag errors.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childEnv } from './pty.js';

// SHIPWATCH_CLI points the tests at another build (one made with SHIPWATCH_BUILD_OUT).
export const CLI_PATH = process.env.SHIPWATCH_CLI ?? fileURLToPath(new URL('../../dist/shipwatch.js', import.meta.url));

export const cliBuilt = () => existsSync(CLI_PATH);

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Written to stdin, which is then closed. Stdin is closed immediately when omitted. */
  input?: string;
  timeoutMs?: number;
  /** Another copy of the built file to run, e.g. one copied away from node_modules. */
  script?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** null when the process was killed by a signal (including our timeout). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const { timeoutMs = 15_000 } = opts;
  if (!cliBuilt()) return Promise.reject(new Error(`${CLI_PATH} is missing: run npm run build first`));
  return new Promise((resolve, reject) => {
    // Same env defaults as the pty harness (no colour forcing, not "in CI"), but no TTY anywhere.
    const child = spawn(process.execPath, [opts.script ?? CLI_PATH, ...args], {
      cwd: opts.cwd,
      env: childEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode, signal, timedOut });
    });
    child.stdin.on('error', () => {}); // the CLI may exit before reading stdin (EPIPE)
    child.stdin.end(opts.input ?? '');
  });
}
