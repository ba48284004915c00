// Named targets from the built CLI: `shipwatch targets` lists them, a typo is one line with the
// nearest name and status 2, and the config is found in $XDG_CONFIG_HOME when the folder has none.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir = '';
let env: Record<string, string> = {};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipwatch-targets-'));
  mkdirSync(join(dir, 'xdg', 'shipwatch'), { recursive: true });
  mkdirSync(join(dir, 'work'));
  writeFileSync(
    join(dir, 'xdg', 'shipwatch', 'config.yaml'),
    [
      '# what this bastion watches',
      'region: eu-west-1',
      'targets:',
      '  prod-api: { cluster: prod, service: api, profile: prod }',
      '  staging-api: { cluster: staging, service: api, region: us-east-1 }',
      '',
    ].join('\n'),
  );
  env = { XDG_CONFIG_HOME: join(dir, 'xdg') };
});

const run = (...args: string[]) => runCli(args, { cwd: join(dir, 'work'), env });

describe('shipwatch targets', () => {
  it('lists the targets of the config found in $XDG_CONFIG_HOME', async () => {
    const r = await run('targets');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        `targets in ${join(dir, 'xdg', 'shipwatch', 'config.yaml')}`,
        'NAME         CLUSTER/SERVICE  REGION     PROFILE',
        'prod-api     prod/api         eu-west-1  prod',
        'staging-api  staging/api      us-east-1  -',
        '',
      ].join('\n'),
    );
    expect((await run('targets', '--names')).stdout).toBe('prod-api\nstaging-api\n');
    expect(JSON.parse((await run('targets', '--json')).stdout)[1]).toEqual({
      name: 'staging-api',
      cluster: 'staging',
      service: 'api',
      region: 'us-east-1',
    });
  });

  it('prefers ./shipwatch.yaml, and says where it looked when there is none', async () => {
    const here = mkdtempSync(join(tmpdir(), 'shipwatch-here-'));
    writeFileSync(join(here, 'shipwatch.yaml'), 'targets:\n  local-one: { cluster: c, service: s }\n');
    expect((await runCli(['targets', '--names'], { cwd: here, env })).stdout).toBe('local-one\n');
    const empty = mkdtempSync(join(tmpdir(), 'shipwatch-empty-'));
    const r = await runCli(['targets'], { cwd: empty, env: { XDG_CONFIG_HOME: join(empty, 'xdg') } });
    expect(r.stdout).toBe(
      `no config file (looked in shipwatch.yaml, ${join(empty, 'xdg', 'shipwatch', 'config.yaml')})\nshipwatch init --cluster CLUSTER --service SERVICE writes one.\n`,
    );
  });
});

describe('choosing a target', () => {
  it('answers a typo with the nearest name, one line, status 2', async () => {
    const r = await run('prod-apu');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^shipwatch: unknown target "prod-apu" in .*config\.yaml: did you mean prod-api\?\n/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks which target instead of guessing, and -t with a second name is refused', async () => {
    const bare = await run();
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toMatch(/names 2 targets \(prod-api, staging-api\): choose one, e\.g\. shipwatch prod-api/);
    const two = await run('prod-api', '-t', 'staging-api');
    expect(two.exitCode).toBe(2);
    expect(two.stderr).toMatch(/two targets given/);
  });

  it('still runs the demo on --demo', async () => {
    const r = await run('--demo');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^shipwatch web @ demo-cluster/);
  });

  it('`help` is the help, listing the subcommands', async () => {
    const r = await run('help');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /Commands \(shipwatch COMMAND --help for each\):\n {2}shipwatch NAME {8}watch the target NAME/,
    );
    for (const c of ['targets', 'init', 'audit', 'report', 'checklist', 'completion'])
      expect(r.stdout).toMatch(new RegExp(`\\n  shipwatch ${c} +\\S`));
  });
});
