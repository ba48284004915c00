// What a script or a shell sees: the whole output through a slow pipe, exit statuses that tell success
// from "could not see the service", and the signal statuses the README documents.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { childEnv, cleanupTerminalsAfterEach, keys, spawnTerminal } from '../helpers/pty.js';
import { motoEnv, seedWorld, SEEDED } from '../helpers/seedAws.js';

cleanupTerminalsAfterEach();
const START_MS = 30_000;
const NO_STACK = /^\s+at |TypeError|ReferenceError/m;

/**
 * Runs the CLI with stdout to a pipe nobody reads for `stallMs`, as a busy `| jq` does. The reader is
 * a shell's `(sleep; cat)`: a Node parent would read the pipe into its own buffers whatever it is told,
 * so only a process that does not read fills the kernel's 64 KiB and makes the CLI wait.
 */
function runWithSlowReader(args: string[], stallMs: number, out: string): Promise<number | null> {
  const cli = [process.execPath, CLI_PATH, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `set -o pipefail; ${cli} | (sleep ${stallMs / 1000}; cat) > '${out}'`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env: childEnv(), stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
}

describe('output through a pipe', () => {
  it('a JSON document larger than the pipe buffer arrives whole when the reader is slow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-pipe-'));
    const fixture = readFileSync(new URL('../fixtures/runbooks/phase-mirror-production-checklist.md', import.meta.url));
    const big = join(dir, 'big.md');
    writeFileSync(big, Array.from({ length: 6 }, () => fixture.toString()).join('\n'));
    const out = join(dir, 'out.json');
    const exitCode = await runWithSlowReader(['checklist', '--runbook', big, '--json'], 1500, out);
    const stdout = readFileSync(out, 'utf8');
    expect(stdout.length).toBeGreaterThan(128 * 1024); // twice the 64 KiB a Linux pipe holds
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(exitCode).toBe(0);
  });
});

describe('the snapshot says when it cannot stand for the service', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    await seedWorld(moto);
  }, 60_000);
  afterAll(() => moto?.stop());

  const target = ['--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'];

  it('a service that can be read: exit 0', async () => {
    const r = await runCli([...target, '--endpoint-url', moto.endpoint], { env: motoEnv(moto), timeoutMs: 60_000 });
    expect(r.stderr).not.toMatch(/cannot stand/);
    expect(r.exitCode).toBe(0);
  });

  it('a service that does not exist: exit 1, and stderr says so', async () => {
    const args = ['--cluster', SEEDED.cluster, '--service', 'no-such-service', '--region', 'us-east-1'];
    const r = await runCli([...args, '--endpoint-url', moto.endpoint, '--json'], {
      env: motoEnv(moto),
      timeoutMs: 60_000,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/service: service no-such-service not found/);
    expect(JSON.parse(r.stdout).verdict).toBe('UNKNOWN');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('AWS unreachable: exit 1, not a LOADING snapshot with exit 0', async () => {
    // A closed port on loopback: every call is refused at once.
    const r = await runCli([...target, '--endpoint-url', 'http://127.0.0.1:9'], {
      env: motoEnv(moto),
      timeoutMs: 90_000,
    });
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toMatch(/LOADING/);
    expect(r.stderr).toMatch(/^shipwatch: /m);
    expect(r.stderr).not.toMatch(NO_STACK);
  }, 120_000);
});

describe('signals end the dashboard with the shell statuses', () => {
  it('Ctrl-C typed as a key quits like q: exit 0', async () => {
    const t = spawnTerminal({ args: [CLI_PATH, '--demo', '--seed', '1'], cols: 100, rows: 30 });
    await t.waitFor('demo-cluster', START_MS);
    // Until raw mode is on, the terminal turns Ctrl-C into SIGINT (130): wait for a key to be read.
    t.press('?');
    await t.waitFor(/Quit shipwatch/, START_MS);
    t.press(keys.escape);
    await t.waitForGone(/Quit shipwatch/, START_MS);
    t.press(keys.ctrlC);
    expect((await t.exited).exitCode).toBe(0);
    expect(t.isAltScreen()).toBe(false);
  }, 60_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])(
    '%s → %i, the screen given back',
    async (signal, status) => {
      const t = spawnTerminal({ args: [CLI_PATH, '--demo', '--seed', '1'], cols: 100, rows: 30 });
      await t.waitFor('demo-cluster', START_MS);
      t.kill(signal);
      const { exitCode } = await t.exited;
      expect(exitCode).toBe(status);
      expect(t.isAltScreen()).toBe(false);
    },
    60_000,
  );
});
