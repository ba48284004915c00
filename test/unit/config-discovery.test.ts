// Where the config is found, and how a named target is chosen from it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { RESERVED_TARGET_NAMES } from '../../src/config/schema.js';
import { chooseTarget } from '../../src/config/target.js';
import { SUBCOMMAND_NAMES } from '../../src/cli/commands.js';
import { settingsFromArgs } from '../../src/cli/settingsFromArgs.js';
import { parseArgs } from '../../src/cli/flags.js';

function world() {
  const dir = mkdtempSync(join(tmpdir(), 'shipwatch-discovery-'));
  const cwd = join(dir, 'work');
  const xdg = join(dir, 'xdg');
  mkdirSync(cwd);
  mkdirSync(join(xdg, 'shipwatch'), { recursive: true });
  return {
    cwd,
    env: { XDG_CONFIG_HOME: xdg } as NodeJS.ProcessEnv,
    userFile: join(xdg, 'shipwatch', 'config.yaml'),
    writeUser: (text: string) => writeFileSync(join(xdg, 'shipwatch', 'config.yaml'), text),
    writeHere: (text: string) => writeFileSync(join(cwd, 'shipwatch.yaml'), text),
  };
}

const TARGETS = `
region: eu-west-1
thresholds: { cpu: 70 }
targets:
  prod-api:
    cluster: prod
    service: api
    profile: prod
    thresholds: { cpu: 55, p99: 300 }
    runbook: runbooks/api.md
    checklist:
      - { title: Smoke test, kind: manual }
  prod-worker: { cluster: prod, service: worker }
  staging-api: { cluster: staging, service: api, region: us-east-1 }
`;

describe('config discovery', () => {
  it('reads ./shipwatch.yaml first, then $XDG_CONFIG_HOME/shipwatch/config.yaml, and says where it looked', () => {
    const w = world();
    expect(loadConfig(undefined, w.cwd, w.env)).toEqual({ config: {}, searched: ['shipwatch.yaml', w.userFile] });
    w.writeUser('service: from-home\n');
    expect(loadConfig(undefined, w.cwd, w.env)).toMatchObject({ config: { service: 'from-home' }, file: w.userFile });
    w.writeHere('service: from-here\n');
    // The first found is read whole; the files are not merged.
    expect(loadConfig(undefined, w.cwd, w.env)).toMatchObject({
      config: { service: 'from-here' },
      file: 'shipwatch.yaml',
    });
    expect(loadConfig(w.userFile, w.cwd, w.env)).toMatchObject({ config: { service: 'from-home' } });
  });

  it('takes ~/.config when XDG_CONFIG_HOME is unset or not absolute', () => {
    const { searched } = loadConfig(undefined, world().cwd, { HOME: '/home/oncall', XDG_CONFIG_HOME: 'rel' });
    expect(searched[1]).toMatch(/\.config\/shipwatch\/config\.yaml$/);
  });
});

describe('named targets', () => {
  const settings = (argv: string[], w = world()) => {
    w.writeUser(TARGETS);
    const parsed = parseArgs(argv, '0');
    if ('exit' in parsed) throw new Error('help');
    return settingsFromArgs(parsed.options, w.cwd, w.env);
  };

  it('watches the named target, its keys over the top level (each key whole)', () => {
    for (const argv of [['prod-api'], ['-t', 'prod-api'], ['--target=prod-api']]) {
      const s = settings(argv);
      expect(s.targetName).toBe('prod-api');
      expect(s.aws).toMatchObject({ cluster: 'prod', service: 'api', region: 'eu-west-1', profile: 'prod' });
      expect(s.aws?.thresholds).toEqual({ cpu: 55, p99: 300 });
      expect(s.checklist?.map((c) => c.title)).toEqual(['Smoke test']);
      expect(s.runbook).toMatch(/xdg\/shipwatch\/runbooks\/api\.md$/);
    }
    const staging = settings(['staging-api']);
    expect(staging.aws).toMatchObject({ cluster: 'staging', region: 'us-east-1', thresholds: { cpu: 70 } });
    expect(staging.checklist).toBeUndefined();
  });

  it('lets flags override the target, as they override the file', () => {
    expect(settings(['prod-api', '--region', 'us-west-2']).aws?.region).toBe('us-west-2');
  });

  it('suggests the nearest name for a typo, among targets and subcommands', () => {
    expect(() => settings(['prod-apu'])).toThrow(
      /unknown target "prod-apu" in .*config\.yaml: did you mean prod-api\?/,
    );
    expect(() => settings(['prod-wroker'])).toThrow(/did you mean prod-worker\?/);
    expect(() => settings(['audt'])).toThrow(/did you mean audit\?/);
    expect(() => settings(['zzz'])).toThrow(
      /unknown target "zzz" in .*\n\(its targets: prod-api, prod-worker, staging-api; shipwatch targets lists them\)/,
    );
  });

  it('says where it looked and how to write one when there is no config', () => {
    const w = world();
    const parsed = parseArgs(['prod-api'], '0');
    if ('exit' in parsed) throw new Error('help');
    expect(() => settingsFromArgs(parsed.options, w.cwd, w.env)).toThrow(
      /no config file found \(looked in shipwatch\.yaml, .*\)\nshipwatch init --cluster CLUSTER --service SERVICE --name prod-api/,
    );
  });

  it('asks which target when the file names several and none is chosen; flags or --demo need no name', () => {
    expect(() => settings([])).toThrow(
      /names 3 targets \(prod-api, prod-worker, staging-api\): choose one, e.g. shipwatch prod-api, or --demo/,
    );
    expect(settings(['--demo']).mode).toBe('demo');
    expect(settings(['--cluster', 'c', '--service', 's']).aws).toMatchObject({ cluster: 'c', service: 's' });
    expect(() => settings(['prod-api', '--demo'])).toThrow('--demo and the target prod-api exclude each other');
    expect(() => parseArgs(['prod-api', '-t', 'prod-worker'], '0')).toThrow(/two targets given/);
  });

  it('keeps a top-level cluster/service as what a bare run watches', () => {
    const loaded = {
      config: { cluster: 'c', service: 's', targets: { x: { service: 'y' } } },
      file: 'f',
      searched: [],
    };
    expect(chooseTarget(loaded, { flagsNameService: false }).config).toEqual({ cluster: 'c', service: 's' });
    expect(chooseTarget(loaded, { name: 'x', flagsNameService: false }).config).toEqual({ cluster: 'c', service: 'y' });
  });

  it('refuses target names a shell or a subcommand would take, with the line', () => {
    expect(() => parseConfig('targets:\n  audit: { cluster: c, service: s }\n', 'f.yaml')).toThrow(
      /^f\.yaml:2: targets\.audit: is the name of a subcommand/,
    );
    expect(() => parseConfig('targets:\n  "prod api": { cluster: c }\n', 'f.yaml')).toThrow(
      /targets\.prod api: a target name is letters/,
    );
    expect(() => parseConfig('targets:\n  x: { auditLog: /tmp/a }\n', 'f.yaml')).toThrow(
      /^f\.yaml:2: targets\.x: .*\(auditLog\)/,
    );
  });

  it('reserves exactly the subcommands (and help)', () => {
    expect([...RESERVED_TARGET_NAMES].sort()).toEqual([...SUBCOMMAND_NAMES, 'help'].sort());
  });
});

describe('the README', () => {
  it('shows a targets example that loads, each target watchable', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```yaml\n(# ~\/\.config\/shipwatch\/config\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const loaded = { config: parseConfig(block!, 'README.md'), file: 'README.md', searched: [] };
    expect(Object.keys(loaded.config.targets ?? {})).toEqual(['prod-api', 'prod-worker', 'staging-api']);
    expect(chooseTarget(loaded, { name: 'staging-api', flagsNameService: false }).config).toMatchObject({
      region: 'eu-west-1',
      profile: 'staging',
      readOnly: true,
    });
  });
});
