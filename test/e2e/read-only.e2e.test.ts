// --read-only end to end, from the flag and from the config file: the built CLI against moto, with
// r then y and a mutating checklist step pressed as an on-call would. Read-only must leave moto's
// service where it was, create no file, write no rollback to the audit log, and still run a step
// that only reads. The same keys without read-only do change things (the control), so the test
// cannot pass because the keys or the step never worked.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { cleanupTerminalsAfterEach, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';
import { awsClients, motoEnv, SEEDED, seedWorld } from '../helpers/seedAws.js';

const CLI = process.env.SHIPWATCH_E2E_CLI ?? CLI_PATH;
const START_MS = 30_000;
const target = ['--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let moto: Moto;

cleanupTerminalsAfterEach();

beforeAll(async () => {
  if (!process.env.SHIPWATCH_E2E_CLI && !cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  moto = await startMoto();
});
afterAll(() => moto?.stop());
beforeEach(async () => {
  await moto.reset();
  await seedWorld(moto);
});

async function servedTaskDefinition(): Promise<string | undefined> {
  const out = await awsClients(moto).ecs.send(
    new DescribeServicesCommand({ cluster: SEEDED.cluster, services: [SEEDED.service] }),
  );
  return out.services?.[0]?.taskDefinition;
}

const rowOf = (t: TerminalHandle, title: string) =>
  t
    .screen()
    .split('\n')
    .find((l) => l.includes(title)) ?? '';

async function until(check: () => boolean | Promise<boolean>, what: () => string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting; screen:\n${what()}`);
    await sleep(100);
  }
}

/** One key per read: keys that arrive together may be taken as pasted text. */
async function press(t: TerminalHandle, key: string): Promise<void> {
  t.press(key);
  await sleep(150);
}

const cases = [
  { how: 'the --read-only flag', flags: ['--read-only'], config: {}, readOnly: true },
  { how: 'readOnly: true in the config file', flags: [], config: { readOnly: true }, readOnly: true },
  { how: 'neither (the control)', flags: [], config: {}, readOnly: false },
];

describe.each(cases)('read-only from $how', ({ flags, config, readOnly }) => {
  test(`r then y ${readOnly ? 'sends no UpdateService' : 'rolls back'}; a mutating step ${readOnly ? 'is refused' : 'runs after y'}; a reading step runs`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-ro-'));
    const marker = join(dir, 'MARKER');
    const readable = join(dir, 'readable.txt');
    writeFileSync(readable, 'only read\n');
    const file = join(dir, 'shipwatch.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...config,
        liveTail: false,
        checklist: [
          { id: 'mutate', title: 'Touch the marker', kind: 'command', run: `touch ${marker}` },
          { id: 'read', title: 'Read a file', kind: 'command', run: `cat ${readable}` },
        ],
      }),
    );
    const state = join(dir, 'state');
    const t = spawnTerminal({
      args: [CLI, ...target, '--config', file, '--no-bell', ...flags],
      cols: 120,
      rows: 40,
      env: motoEnv(moto, { XDG_STATE_HOME: state, XDG_CACHE_HOME: state }),
    });
    await t.waitFor('r → web:2', START_MS);
    expect(await servedTaskDefinition()).toMatch(/web:3$/);

    await press(t, 'r');
    if (readOnly) {
      await t.waitFor('read-only', START_MS);
      await press(t, 'y'); // were a dialog open after all, y would confirm it
      await sleep(1500); // a rollback sent would reach moto well within this
      expect(await servedTaskDefinition()).toMatch(/web:3$/);
      expect(t.screen()).toContain('read-only');
    } else {
      await t.waitFor(/y roll back now/, START_MS);
      await press(t, 'y');
      await until(
        async () => /web:2$/.test((await servedTaskDefinition()) ?? ''),
        () => t.screen(),
      );
    }
    await t.waitForGone(/y roll back now/, START_MS);

    await press(t, '7');
    await t.waitFor('▶ [7]', 5000);
    await t.waitFor('$ touch', 5000);
    await press(t, 'c');
    if (readOnly) {
      await t.waitFor('read-only mode', START_MS);
      await press(t, 'y');
      await sleep(1000);
      expect(existsSync(marker)).toBe(false);
      expect(rowOf(t, 'Touch the marker')).not.toContain('[ok]');
    } else {
      // touch is not a known reader: it asks first, and only y runs it.
      await t.waitFor('Run "Touch the marker"?', START_MS);
      expect(existsSync(marker)).toBe(false);
      await press(t, 'y');
      await until(
        () => existsSync(marker),
        () => t.screen(),
      );
    }

    await press(t, 'j');
    await t.waitFor('$ cat ', 5000);
    await press(t, 'c');
    await until(
      () => rowOf(t, 'Read a file').includes('[ok]'),
      () => t.screen(),
    );
    t.press('q');
    await t.exited;

    const audit = readFileSync(join(state, 'shipwatch', 'audit.jsonl'), 'utf8');
    const rollbacks = audit
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { kind: string })
      .filter((e) => e.kind === 'rollback');
    if (readOnly) expect(rollbacks).toEqual([]);
    else expect(rollbacks.length).toBeGreaterThan(0);
  }, 120_000);
});
