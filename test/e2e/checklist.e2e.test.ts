// The release checklist as an on-call uses it: the built CLI in a real terminal loads a runbook,
// runs its commands one key at a time, asks before one that changes things, and the results reach
// the audit log and `shipwatch report`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';
import { cleanupTerminalsAfterEach, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';

const START_MS = 30_000;
cleanupTerminalsAfterEach();

let server: Server;
let port = 0;
const hits: string[] = [];
beforeAll(async () => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"healthy"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const runbook = (p: number) => `# Release runbook

## Pre-deployment

### Health check

\`\`\`bash
curl -s http://127.0.0.1:${p}/health
\`\`\`

Expected: {"status":"healthy"}

### Announce the tag

\`\`\`bash
echo "deploying v1.X.Y"
\`\`\`

## Post-deployment

### Restart the workers

\`\`\`bash
aws ecs update-service --cluster prod --service workers --force-new-deployment
\`\`\`
`;

const rowOf = (t: TerminalHandle, title: string) =>
  t
    .screen()
    .split('\n')
    .find((l) => l.includes(title)) ?? '';

async function until(check: () => boolean, what: () => string, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting; screen:\n${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('checklist from a runbook, in a terminal', () => {
  test('loads the runbook, runs commands by key, asks before a change, records the results for the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-rb-e2e-'));
    const file = join(dir, 'release.md');
    writeFileSync(file, runbook(port));
    const env = { XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') };
    const t = spawnTerminal({
      args: [CLI_PATH, '--demo', '--runbook', file, '--fill', 'v1.X.Y=v1.4.0'],
      cols: 80,
      rows: 24,
      env,
    });
    await t.waitFor('3 steps imported', START_MS);
    t.press('7');
    await t.waitFor('[7] Checklist', START_MS);
    // Demo's two manual pre steps first, then the runbook's: select "Health check".
    t.press('j');
    t.press('j');
    await t.waitFor(`$ curl -s http://127.0.0.1:${port}/health`);
    expect(hits).toEqual([]);
    t.press('c');
    await until(
      () => rowOf(t, 'Health check').includes('[ok]'),
      () => t.screen(),
    );
    expect(hits).toEqual(['/health']);
    t.press('j');
    await t.waitFor('$ echo "deploying v1.4.0"');
    t.press('c');
    await until(
      () => rowOf(t, 'Announce the tag').includes('[ok]'),
      () => t.screen(),
    );
    t.press('o');
    await t.waitFor('Esc closes');
    expect(t.screen()).toMatch(/^│ deploying v1\.4\.0/m);
    t.press('o');
    await t.waitForGone('Esc closes');
    // To the last step: the one that would change production.
    for (let i = 0; i < 8; i++) t.press('j');
    await t.waitFor('$ aws ecs update-service --cluster prod');
    t.press('c');
    await t.waitFor('it changes things: aws ecs update-service');
    t.press('n');
    await t.waitFor('not run: nothing changed');
    expect(rowOf(t, 'Restart the workers')).toContain('[  ]');
    t.press('q');
    await t.exited;

    const audit = await runCli(['audit', '--demo'], { env });
    expect(audit.exitCode).toBe(0);
    expect(audit.stdout).toMatch(/check PASSED Health check \(\d+ ms\)/);
    expect(audit.stdout).toMatch(/check PASSED Announce the tag/);
    expect(audit.stdout).not.toContain('Restart the workers');

    const report = await runCli(['report', '--demo', '--runbook', file, '--fill', 'v1.X.Y=v1.4.0'], {
      env,
      timeoutMs: 30_000,
    });
    expect(report.exitCode).toBe(0);
    expect(report.stdout).toMatch(/^# Release record: web \(demo-cluster\)/);
    expect(report.stdout).toMatch(/- \*\*Rollback executed:\*\* NO/);
    // The demo's manual pre steps were not ticked: the pre checks are incomplete, and say so.
    expect(report.stdout).toMatch(/- \*\*Pre-deployment validation:\*\* INCOMPLETE/);
    expect(report.stdout).toMatch(/\| Health check \| passed \|/);
  }, 120_000);
});
