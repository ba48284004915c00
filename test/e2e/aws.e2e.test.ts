// The built CLI in a real terminal against moto: every pane shows what was seeded through the API.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { cleanupTerminalsAfterEach, spawnTerminal } from '../helpers/pty.js';
import { awsClients, motoEnv, SEEDED, seedWorld } from '../helpers/seedAws.js';

const START_MS = 30_000;
let moto: Moto;
let env: Record<string, string>;

cleanupTerminalsAfterEach();

beforeAll(async () => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  moto = await startMoto();
});
afterAll(() => moto?.stop());
beforeEach(async () => {
  await moto.reset();
  await seedWorld(moto);
  // A fresh cost cache per test, so each one asks (moto) for cost again.
  // A fresh cost cache and state folder per test: each asks moto again, and remembers no earlier release.
  env = motoEnv(moto, {
    XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'shipwatch-cache-')),
    XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'shipwatch-state-')),
  });
});

/** q, and the process gone within 15 s (or the screen it is stuck on). */
async function quit(t: ReturnType<typeof spawnTerminal>): Promise<void> {
  t.press('q');
  const gone = await Promise.race([t.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
  if (!gone) {
    const a = t.screen().split('\n').slice(0, 2).join('\n');
    await new Promise((r) => setTimeout(r, 3000));
    const b = t.screen().split('\n').slice(0, 2).join('\n');
    throw new Error(`q did not quit; screen:\n${a}\n3 s later:\n${b}\n${t.screen()}`);
  }
}

const target = ['--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'];

describe('shipwatch against moto', () => {
  test('every pane shows the seeded data at 120x36', async () => {
    const t = spawnTerminal({ args: [CLI_PATH, ...target], cols: 120, rows: 36, env });
    await t.waitFor('acct 123456789012', START_MS);
    await t.waitFor('web:3', START_MS);
    await t.waitFor(/ALARM +\*?(web-)?5xx-high/, START_MS);
    await t.waitFor(SEEDED.errorLine.slice(0, 40), START_MS);
    await t.waitFor('$1.42', START_MS);
    const s = t.screen();
    expect(s).toMatch(/shipwatch · web @ prod · us-east-1 · acct 123456789012 \(\S+\)/);
    expect(s).not.toContain('DEMO');
    // The header names the rollback target before anyone presses r: the newest older ACTIVE revision.
    expect(s).toContain('r → web:2 (v1.0.2)');
    expect(s).toMatch(/ ALARM /);
    expect(s).toContain('CPU');
    expect(s).toContain('service-deployment API unav');
  });

  // Two alarms that share a long service prefix were `ALARM *facilitator-produc…` and `OK facilit…`:
  // the part that tells them apart must be on screen, at 120 columns and at 80.
  test('alarms that share the service prefix are told apart at 120x36 and 80x24', async () => {
    const { PutMetricAlarmCommand, SetAlarmStateCommand } = await import('@aws-sdk/client-cloudwatch');
    const cw = awsClients(moto).cloudwatch;
    const prefix = 'facilitator-production-ecs-service-';
    for (const name of ['5xx-errors-high', 'p99-latency-high'])
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: `${prefix}${name}`,
          Namespace: 'AWS/ApplicationELB',
          MetricName: 'HTTPCode_Target_5XX_Count',
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 5,
          ComparisonOperator: 'GreaterThanThreshold',
        }),
      );
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: `${prefix}5xx-errors-high`,
        StateValue: 'ALARM',
        StateReason: 'Threshold Crossed',
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-cfg-'));
    const cfg = join(dir, 'shipwatch.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(cfg, `alarms: { prefix: ${prefix} }\n`);
    for (const [cols, rows] of [
      [120, 36],
      [80, 24],
    ] as const) {
      const t = spawnTerminal({ args: [CLI_PATH, ...target, '--config', cfg], cols, rows, env });
      // At 80x24 one pane is shown at a time: the Alarms pane is 3.
      if (cols === 80) {
        await t.waitFor('acct 123456789012', START_MS);
        t.press('3');
      }
      // The shared part is said once on the count line; each row starts with what is its own.
      await t.waitFor(/ALARM +\*?5xx-err/, START_MS);
      await t.waitFor(/OK +\*?p99-lat/, START_MS);
      expect(t.screen()).not.toMatch(/ALARM +\*?facilit/);
      await quit(t);
    }
  }, 90_000);

  test('the non-terminal snapshot reads the same world', async () => {
    const r = await runCli([...target, '--json'], { env, timeoutMs: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.backend).toBe('aws');
    expect(doc.identity.account).toBe('123456789012');
    expect(doc.service.deployments[0].taskDefinition).toEqual({ family: 'web', revision: 3 });
    expect(doc.rollback.target).toEqual({ family: 'web', revision: 2 });
    expect(doc.alarms.find((a: { name: string }) => a.name === SEEDED.alarm).state).toBe('ALARM');
    expect(doc.logs.map((e: { message: string }) => e.message)).toContain(SEEDED.errorLine);
  });

  test('a service that does not exist: the snapshot says so, and exits 1 so a script does not read success', async () => {
    const r = await runCli(['--cluster', SEEDED.cluster, '--service', 'nope', '--region', 'us-east-1'], {
      env,
      timeoutMs: 30_000,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('service nope not found in cluster prod');
    expect(r.stderr).toContain('service: service nope not found in cluster prod');
  });
});

/** A profile that exists nowhere: an empty home, no config or credentials files, no instance role. */
function noCredentialsEnv(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'shipwatch-home-'));
  return {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
  };
}

describe('credentials and the bell', () => {
  test('missing credentials: one line saying what to run, exit 3, nothing drawn', async () => {
    const r = await runCli([...target, '--profile', 'oncall'], { env: noCredentialsEnv(), timeoutMs: 30_000 });
    expect(r.exitCode).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^shipwatch: AWS credentials missing or expired: run aws sso login --profile oncall/);
    expect(r.stdout).toBe('');
  });

  test('in a terminal too: the first read is the credentials check; exit 3 with the one line, screen restored', async () => {
    const t = spawnTerminal({
      args: [CLI_PATH, ...target, '--profile', 'oncall'],
      cols: 100,
      rows: 30,
      env: noCredentialsEnv(),
    });
    const exit = await t.exited;
    expect(exit.exitCode).toBe(3);
    expect(t.screen()).toMatch(/shipwatch: AWS credentials missing or expired: run aws sso login --profile oncall/);
    // The dashboard's frame went with the alternate screen: only the line is left.
    expect(t.screen()).not.toContain('Deployments');
  });

  test('rings the bell once when an alarm enters ALARM while watching; --no-bell keeps quiet', async () => {
    const { CloudWatchClient, SetAlarmStateCommand } = await import('@aws-sdk/client-cloudwatch');
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-cfg-'));
    const cfg = join(dir, 'shipwatch.yaml');
    writeFileSync(cfg, 'intervals: { alarms: 1s }\nalarms: { names: [web-p99-latency] }\n');
    const cw = new CloudWatchClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    for (const bell of [true, false]) {
      await cw.send(new SetAlarmStateCommand({ AlarmName: 'web-p99-latency', StateValue: 'OK', StateReason: 'reset' }));
      const t = spawnTerminal({
        args: [CLI_PATH, ...target, '--config', cfg, ...(bell ? [] : ['--no-bell'])],
        cols: 120,
        rows: 36,
        env,
      });
      // Reset just now, after T+0: already marked as changed since T+0.
      await t.waitFor(/OK +\*?web-p99-lat/, START_MS);
      expect(t.raw()).not.toContain('\u0007');
      await cw.send(
        new SetAlarmStateCommand({ AlarmName: 'web-p99-latency', StateValue: 'ALARM', StateReason: 'p99 over 500 ms' }),
      );
      await t.waitFor(/ALARM +\*web-p99-lat/, START_MS);
      await new Promise((r) => setTimeout(r, 2500)); // two more polls: still one bell
      expect(t.raw().split('\u0007').length - 1).toBe(bell ? 1 : 0);
      await t.dispose();
    }
  }, 120_000);
});

describe('rollback pressed in the terminal', () => {
  async function serviceTaskDefinition(): Promise<string | undefined> {
    const { DescribeServicesCommand } = await import('@aws-sdk/client-ecs');
    const out = await awsClients(moto).ecs.send(
      new DescribeServicesCommand({ cluster: SEEDED.cluster, services: [SEEDED.service] }),
    );
    return out.services?.[0]?.taskDefinition;
  }
  async function waitForMoto(pattern: RegExp, ms = 15_000): Promise<void> {
    const until = Date.now() + ms;
    while (!pattern.test((await serviceTaskDefinition()) ?? '')) {
      if (Date.now() > until) throw new Error(`moto service never matched ${pattern}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  test('r then y changes the service in moto, shows ROLLING BACK, and `shipwatch audit` lists it', async () => {
    const state = mkdtempSync(join(tmpdir(), 'shipwatch-state-'));
    const t = spawnTerminal({
      args: [CLI_PATH, ...target],
      cols: 120,
      rows: 36,
      env: { ...env, XDG_STATE_HOME: state },
    });
    await t.waitFor('r → web:2 (v1.0.2)', START_MS);
    t.press('r');
    await t.waitFor(/y roll back now/, START_MS);
    expect(await serviceTaskDefinition()).toMatch(/web:3$/); // nothing before y
    t.press('y');
    await waitForMoto(/web:2$/);
    await t.waitFor(' ROLLING BACK ', START_MS);
    const r = await runCli(['audit', '--file', join(state, 'shipwatch', 'audit.jsonl')], { env });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/prod\/web +rollback requested web:3 → web:2 \(update-service\)/);
    expect(r.stdout).toMatch(/rollback accepted web:3 → web:2/);
  }, 90_000);

  test('the release holds across a restart: after :3 → :2, r refuses, T+0 is the same, the report names :3', async () => {
    const state = mkdtempSync(join(tmpdir(), 'shipwatch-state-'));
    const run = () =>
      spawnTerminal({ args: [CLI_PATH, ...target], cols: 120, rows: 36, env: { ...env, XDG_STATE_HOME: state } });
    const t0Of = (screen: string) => /T\+\d+:\d\d(?::\d\d)? \((\d\d:\d\d) UTC\)/.exec(screen)?.[1];
    const first = run();
    await first.waitFor('r → web:2 (v1.0.2)', START_MS);
    const t0 = t0Of(first.screen());
    expect(t0).toMatch(/^\d\d:\d\d$/);
    first.press('r');
    await first.waitFor(/y roll back now/, START_MS);
    first.press('y');
    await waitForMoto(/web:2$/);
    await first.waitFor(/rolling back → web:2|rolled back → web:2/, START_MS);
    await quit(first);

    const second = run();
    await second.waitFor(/(rolling back|rolled back) → web:2/, START_MS);
    expect(t0Of(second.screen())).toBe(t0);
    second.press('r');
    await second.waitFor(/already (rolling back to|on) web:2, the revision serving before release web:3/, START_MS);
    expect(second.screen()).not.toContain('y roll back now');
    // n, then q once the dialog has gone: two keys written back to back can reach the app as one
    // chunk "nq", which the input layer takes as pasted text (never split into commands).
    second.press('n');
    await second.waitFor(/\? help +q quit/, START_MS);
    await quit(second);

    const report = await runCli(['report', ...target, '--json'], { env: { ...env, XDG_STATE_HOME: state } });
    expect(report.exitCode).toBe(0);
    const record = JSON.parse(report.stdout);
    expect(record.release.taskDefinition).toBe('web:3');
    expect(record.previous.taskDefinition).toBe('web:2');
    expect(record.rollback).toMatchObject({ executed: true, operations: [{ from: 'web:3', to: 'web:2' }] });
  }, 120_000);

  test('kill -9 right after the API call: the audit entry is on disk, whole', async () => {
    const state = mkdtempSync(join(tmpdir(), 'shipwatch-state-'));
    const t = spawnTerminal({
      args: [CLI_PATH, ...target],
      cols: 120,
      rows: 36,
      env: { ...env, XDG_STATE_HOME: state },
    });
    await t.waitFor('r → web:2', START_MS);
    t.press('r');
    await t.waitFor(/y roll back now/, START_MS);
    t.press('y');
    await waitForMoto(/web:2$/);
    t.kill('SIGKILL');
    await t.exited;
    const lines = readFileSync(join(state, 'shipwatch', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n');
    // The release first watched is recorded at start; the rollback's intent follows it.
    const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.kind === 'rollback');
    expect(entries[0]).toMatchObject({
      kind: 'rollback',
      phase: 'requested',
      from: { revision: 3 },
      to: { revision: 2 },
      cluster: 'prod',
      service: 'web',
    });
  }, 90_000);
});
