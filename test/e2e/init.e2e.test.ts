// `shipwatch init` end to end: the built CLI discovers the seeded service in moto, writes its target
// entry to $XDG_CONFIG_HOME/shipwatch/config.yaml, and `shipwatch NAME` then watches it from that
// entry alone (no AWS_ENDPOINT_URL or AWS_REGION in its environment). Then the overwrite rule:
// --print writes nothing, a second init without a terminal refuses, --force replaces, and at a
// terminal only `y` replaces.
import { PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { cleanupTerminalsAfterEach, spawnTerminal } from '../helpers/pty.js';
import { awsClients, SEEDED, seedWorld } from '../helpers/seedAws.js';

let moto: Moto;
let env: Record<string, string>;
let cwd: string;
let file: string;
const RUN = { timeoutMs: 30_000 };

cleanupTerminalsAfterEach();

beforeAll(async () => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  moto = await startMoto();
});
afterAll(() => moto?.stop());
beforeEach(async () => {
  await moto.reset();
  await seedWorld(moto);
  await awsClients(moto).cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: 'web-cpu-high',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: SEEDED.cluster },
        { Name: 'ServiceName', Value: SEEDED.service },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  const scratch = (what: string) => mkdtempSync(join(tmpdir(), `shipwatch-init-${what}-`));
  // Credentials only: the region and endpoint must come from the flags, and then from the entry.
  const { AWS_REGION: _region, ...credentials } = TEST_CREDENTIALS;
  const config = scratch('config');
  env = {
    ...credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    XDG_CONFIG_HOME: config,
    XDG_STATE_HOME: scratch('state'),
    XDG_CACHE_HOME: scratch('cache'),
  };
  file = join(config, 'shipwatch', 'config.yaml');
  // Not the repository: a ./shipwatch.yaml there would be the file written.
  cwd = scratch('cwd');
});

const initArgs = (...more: string[]) => [
  'init',
  '--cluster',
  SEEDED.cluster,
  '--service',
  SEEDED.service,
  '--endpoint-url',
  moto.endpoint,
  '--region',
  'us-east-1',
  '--name',
  'api-test',
  ...more,
];
const init = (...more: string[]) => runCli(initArgs(...more), { env, cwd, ...RUN });

describe('shipwatch init against moto', () => {
  test('writes an entry that shipwatch NAME then watches', async () => {
    const r = await init();
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('found service web in cluster prod (us-east-1, ACTIVE)');
    expect(r.stdout).toContain('  log group: /ecs/web (container web)');
    expect(r.stdout).toContain('    web-cpu-high  (ServiceName=web, ClusterName=prod)');
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      `wrote target api-test to ${file}`,
      'watch it: shipwatch api-test',
    ]);
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.targets?.['api-test']).toEqual({
      cluster: 'prod',
      service: 'web',
      region: 'us-east-1',
      endpointUrl: moto.endpoint,
      logGroup: '/ecs/web',
      alarms: { names: ['web-cpu-high'] },
    });

    const watch = await runCli(['api-test'], { env, cwd, ...RUN });
    expect(watch.stderr).toBe('');
    expect(watch.exitCode).toBe(0);
    expect(watch.stdout.split('\n')[0]).toMatch(/^shipwatch web @ prod \(us-east-1\) account 123456789012/);
    // The entry's alarm names, not the default prefix: seedWorld's web-5xx-high is not in it.
    expect(watch.stdout).toContain('web-cpu-high');
    expect(watch.stdout).not.toContain('web-5xx-high');
  }, 60_000);

  test('--print writes nothing and prints the config; the summary goes to stderr', async () => {
    // A hostile name: an escape sequence and a line that would be a key if it were not quoted.
    const hostile = 'web-\x1b]0;pwned\x07cpu\nregion: eu-west-1';
    await awsClients(moto).cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: hostile,
        Namespace: 'AWS/ECS',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'ServiceName', Value: 'web' }],
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 90,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    const r = await init('--print');
    expect(r.exitCode).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(r.stdout).toMatch(/^# shipwatch NAME watches a target/);
    expect(r.stdout).toMatch(/^ {2}# written by shipwatch init \d{4}-\d\d-\d\d from prod\/web$/m);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const config = parseConfig(r.stdout, 'stdout');
    expect(config.targets?.['api-test']?.region).toBe('us-east-1');
    expect(config.targets?.['api-test']?.alarms?.names).toEqual([hostile, 'web-cpu-high']);
    expect(r.stderr).toContain('found service web in cluster prod');
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    // The sequence is dropped and the newline shown, on its own row of the summary.
    expect(r.stderr).toContain('\n    web-cpu ⏎ region: eu-west-1  (ServiceName=web)\n');
  }, 60_000);

  test('a second init of the same name without a terminal refuses (exit 2), and --force replaces', async () => {
    expect((await init()).exitCode).toBe(0);
    // The user's own edits around the entry, which a replace must keep.
    const edited = `# my targets\nwatchWindow: 90m\n${readFileSync(file, 'utf8').replace('/ecs/web', '/ecs/old')}`;
    writeFileSync(file, edited);
    const again = await init();
    expect(again.exitCode).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      `shipwatch: init: ${file} already has a target api-test: --force replaces it, --name picks another name\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = await init('--force');
    expect(forced.exitCode).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# my targets\nwatchWindow: 90m\n')).toBe(true);
    expect(text).not.toContain('/ecs/old');
    expect(text.match(/written by shipwatch init/g)).toHaveLength(1);
    expect(parseConfig(text, file).targets?.['api-test']?.logGroup).toBe('/ecs/web');
  }, 60_000);

  test('at a terminal, n keeps the entry and y replaces it', async () => {
    expect((await init()).exitCode).toBe(0);
    const edited = readFileSync(file, 'utf8').replace('/ecs/web', '/ecs/old');
    writeFileSync(file, edited);
    const ask = async (answer: string) => {
      const t = spawnTerminal({ args: [CLI_PATH, ...initArgs()], cols: 120, rows: 30, env, cwd });
      await t.waitFor(`replace target api-test in ${file}? [y/N]`, 30_000);
      t.type(`${answer}\r`);
      const { exitCode } = await t.exited;
      return { exitCode, screen: t.screen() };
    };
    const no = await ask('n');
    expect(no.exitCode).toBe(0);
    expect(no.screen).toContain(`kept target api-test in ${file} as it was`);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const yes = await ask('y');
    expect(yes.exitCode).toBe(0);
    expect(yes.screen).toContain(`wrote target api-test to ${file}`);
    expect(parseConfig(readFileSync(file, 'utf8'), file).targets?.['api-test']?.logGroup).toBe('/ecs/web');
  }, 90_000);

  test('writes the file a plain run reads (./shipwatch.yaml when present), or --config FILE', async () => {
    const local = join(cwd, 'shipwatch.yaml');
    writeFileSync(local, '# team config\nwatchWindow: 90m\n');
    const r = await init();
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'wrote target api-test to shipwatch.yaml',
      'watch it: shipwatch api-test',
    ]);
    expect(readFileSync(local, 'utf8').startsWith('# team config\nwatchWindow: 90m\n\ntargets:\n')).toBe(true);
    expect(existsSync(file)).toBe(false);

    const other = join(cwd, 'other dir', 'ops.yaml');
    const r2 = await init('--config', other);
    expect(r2.exitCode).toBe(0);
    expect(r2.stdout.trimEnd().split('\n').at(-1)).toBe(`watch it: shipwatch --config '${other}' api-test`);
    expect(parseConfig(readFileSync(other, 'utf8'), other).targets?.['api-test']?.service).toBe('web');
  }, 60_000);

  test('writes through a symlink (a dotfiles link stays a link), keeps the mode, leaves no temp file', async () => {
    const real = join(cwd, 'dotfiles', 'shipwatch.yaml');
    mkdirSync(dirname(real), { recursive: true });
    writeFileSync(real, '# mine\n');
    chmodSync(real, 0o600);
    mkdirSync(dirname(file), { recursive: true });
    symlinkSync(real, file);
    expect((await init()).exitCode).toBe(0);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readFileSync(real, 'utf8')).toMatch(/^# mine\n\n# shipwatch NAME watches a target/);
    expect(readdirSync(dirname(real))).toEqual(['shipwatch.yaml']);
  }, 60_000);

  test('errors are one line with the right status', async () => {
    const missing = await runCli([...initArgs().slice(0, 4), 'nope', ...initArgs().slice(5)], { env, cwd, ...RUN });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe('shipwatch: service nope not found in cluster prod (ecs:DescribeServices)\n');
    const bad = await runCli(['init', '--cluster', 'prod'], { env, cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe("shipwatch: init: required option '--service <name>' not specified\n");
    const reserved = await runCli([...initArgs(), '--name', 'audit'], { env, cwd });
    expect(reserved.exitCode).toBe(2);
    expect(reserved.stderr).toMatch(/^shipwatch: init: --name: is the name of a subcommand/);
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});
