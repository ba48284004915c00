// runCommandStep with a real /bin/sh: output capture, expectations, timeout, cancel, process-group kill.
import { mkdtempSync, readFileSync, realpathSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandStepSpec } from '../../src/domain/model.js';
import { MAX_OUTPUT_BYTES, runCommandStep } from '../../src/checklist/steps/command.js';
import { importRunbook } from '../../src/checklist/runbook.js';

const never = new AbortController().signal;
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shipwatch-cmd-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (
  run: string,
  expect: CommandStepSpec['expect'] = {},
  extra: Partial<CommandStepSpec> = {},
): CommandStepSpec => ({
  run,
  timeoutMs: 10_000,
  expect,
  ...extra,
});

/** Whether a process still runs. A zombie counts as gone: it is dead, only not yet reaped by whoever
 *  adopted it (in containers PID 1 may reap orphans late, and until then kill(pid, 0) still succeeds). */
const alive = (pid: number): boolean => {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    if (state === 'Z' || state === 'X') return false;
  } catch {
    // no /proc (or already gone): fall back to kill(pid, 0)
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
};

async function waitFor(cond: () => boolean, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return cond();
}

describe('runCommandStep', () => {
  it('passes on exit 0 with output matching the regex', async () => {
    const o = await runCommandStep(spec('echo healthy', { outputRegex: 'health' }), never);
    expect(o).toMatchObject({
      passed: true,
      exitCode: 0,
      summary: 'exit 0, output matches /health/',
      output: 'healthy\n',
    });
    const miss = await runCommandStep(spec('echo degraded', { outputRegex: 'healthy' }), never);
    expect(miss).toMatchObject({ passed: false, exitCode: 0, summary: 'output does not match /healthy/' });
  });

  it('fails with the exit code, and passes when that code is expected', async () => {
    expect(await runCommandStep(spec('exit 3'), never)).toMatchObject({
      passed: false,
      exitCode: 3,
      summary: 'exit 3 (expected 0)',
    });
    expect(await runCommandStep(spec('echo oops >&2; exit 1'), never)).toMatchObject({
      summary: 'exit 1 (expected 0): oops',
    });
    expect((await runCommandStep(spec('exit 3', { exitCode: 3 }), never)).passed).toBe(true);
  });

  it('checks emptyOutput', async () => {
    expect(await runCommandStep(spec('true', { emptyOutput: true }), never)).toMatchObject({
      passed: true,
      summary: 'exit 0, no output',
    });
    expect(await runCommandStep(spec('printf "a\\nb\\nc\\n"', { emptyOutput: true }), never)).toMatchObject({
      passed: false,
      summary: 'expected no output, got 3 line(s): a',
    });
  });

  it('adds spec.env to the inherited environment and runs in cwd (with ~/ expanded)', async () => {
    const o = await runCommandStep(
      spec('echo "$GREETING $HOME" && pwd', {}, { env: { GREETING: 'hi' }, cwd: dir }),
      never,
    );
    expect(o.output).toBe(`hi ${process.env.HOME}\n${dir}\n`);
    const home = await runCommandStep(spec('pwd', {}, { cwd: '~/' }), never);
    expect(realpathSync(home.output.trim())).toBe(realpathSync(process.env.HOME!));
  });

  it('fails clearly on a missing working directory instead of throwing', async () => {
    const missing = join(dir, 'nope');
    expect(await runCommandStep(spec('true', {}, { cwd: missing }), never)).toMatchObject({
      passed: false,
      summary: `working directory ${missing} does not exist`,
    });
  });

  it('captures stdout and stderr interleaved, and streams chunks to onOutput', async () => {
    const chunks: string[] = [];
    const o = await runCommandStep(spec('echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three'), never, (c) =>
      chunks.push(c),
    );
    expect(o.output).toBe('one\ntwo\nthree\n');
    expect(chunks.join('')).toBe('one\ntwo\nthree\n');
    expect(chunks.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps only the last 1 MiB of output and says how much was dropped', async () => {
    const o = await runCommandStep(spec("head -c 3000000 /dev/zero | tr '\\0' x; echo; echo END"), never);
    expect(o.passed).toBe(true);
    const total = 3_000_000 + 1 + 4;
    const note = `[… ${total - MAX_OUTPUT_BYTES} bytes dropped]\n`;
    expect(o.output.startsWith(note)).toBe(true);
    expect(o.output.length).toBe(note.length + MAX_OUTPUT_BYTES);
    expect(o.output.endsWith('x\nEND\n')).toBe(true);
  });

  it('times out, killing the process group', async () => {
    const o = await runCommandStep(spec('sleep 30', {}, { timeoutMs: 300 }), never);
    expect(o).toMatchObject({ passed: false, timedOut: true, summary: 'timed out after 0.3 s (process group killed)' });
  });

  it('is cancelled by the caller’s signal', async () => {
    const ctrl = new AbortController();
    const running = runCommandStep(spec('echo started; sleep 30'), ctrl.signal, () => ctrl.abort());
    const o = await running;
    expect(o).toMatchObject({
      passed: false,
      cancelled: true,
      summary: 'cancelled (process group killed)',
      output: 'started\n',
    });
    const pre = new AbortController();
    pre.abort();
    expect(await runCommandStep(spec('echo never'), pre.signal)).toMatchObject({ cancelled: true, output: '' });
  });

  it('cancel kills background grandchildren too', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const ctrl = new AbortController();
    const running = runCommandStep(
      spec(`sh -c 'sleep 300 & echo $! > ${pidFile}; echo ready; wait'`),
      ctrl.signal,
      (c) => {
        if (c.includes('ready')) ctrl.abort();
      },
    );
    const o = await running;
    expect(o.cancelled).toBe(true);
    expect(existsSync(pidFile)).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(0);
    expect(await waitFor(() => !alive(pid))).toBe(true);
  });

  it('timeout kills a grandchild that ignores SIGTERM, with SIGKILL', async () => {
    const pidFile = join(dir, 'stubborn.pid');
    const o = await runCommandStep(
      spec(`sh -c 'trap "" TERM; sleep 300' >/dev/null 2>&1 & echo $! > ${pidFile}; wait`, {}, { timeoutMs: 300 }),
      never,
    );
    expect(o.timedOut).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(await waitFor(() => !alive(pid), 8000)).toBe(true);
  });

  it('names the signal when something else kills the command', async () => {
    expect(await runCommandStep(spec('kill -KILL $$'), never)).toMatchObject({
      passed: false,
      summary: 'killed by SIGKILL',
    });
  });

  it('does not wait forever for a background process that keeps the output open', async () => {
    const pidFile = join(dir, 'daemon.pid');
    const o = await runCommandStep(spec(`sleep 300 & echo $! > ${pidFile}; echo done`), never);
    expect(o).toMatchObject({ passed: true, exitCode: 0 });
    expect(o.output).toContain('done\n');
    expect(o.output).toContain('stopped reading');
    // …and what it left in the background is stopped when the step ends.
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(await waitFor(() => !alive(pid))).toBe(true);
  });

  it('stops background processes a finished step left behind, even with its output closed', async () => {
    const pidFile = join(dir, 'quiet.pid');
    const o = await runCommandStep(spec(`sleep 300 >/dev/null 2>&1 & echo $! > ${pidFile}; echo done`), never);
    expect(o).toMatchObject({ passed: true, exitCode: 0 });
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(await waitFor(() => !alive(pid))).toBe(true);
  });
});

describe('a runbook step that expects no output', () => {
  const hostname = join(dir, 'hostname');
  writeFileSync(hostname, 'web-1\n');
  const imported = (run: string) => {
    const md = `## Smoke\n\n\`\`\`sh\n${run}\n\`\`\`\n\nExpected: no output\n`;
    return importRunbook(md, 'smoke.md').steps[0]!.command!;
  };

  it('passes when grep finds nothing (exit 1, empty output)', async () => {
    const r = await runCommandStep(imported(`grep nothing-here ${hostname}`), never);
    expect(r).toMatchObject({ passed: true, exitCode: 1, summary: 'exit 1 (nothing found), no output' });
  });

  it('fails when grep finds something, and says what', async () => {
    const r = await runCommandStep(imported(`grep web ${hostname}`), never);
    expect(r).toMatchObject({ passed: false, exitCode: 0, summary: 'expected no output, got 1 line(s): web-1' });
  });
});
