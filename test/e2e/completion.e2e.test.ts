// Completion as a shell runs it: the built CLI prints the script, bash (and zsh, through
// bashcompinit) load it, and Tab completes flags, values, subcommands and the config's targets.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { childEnv, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';

let dir = '';
let env: Record<string, string> = {};
beforeAll(() => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'shipwatch-completion-'));
  // `shipwatch` on PATH, as an install puts it; the script asks it for target names.
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'shipwatch'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
  chmodSync(join(dir, 'bin', 'shipwatch'), 0o755);
  mkdirSync(join(dir, 'xdg', 'shipwatch'), { recursive: true });
  writeFileSync(
    join(dir, 'xdg', 'shipwatch', 'config.yaml'),
    'targets:\n  prod-api: { cluster: prod, service: api }\n  prod-worker: { cluster: prod, service: worker }\n  staging-api: { cluster: staging, service: api }\n',
  );
  writeFileSync(join(dir, 'other.yaml'), 'targets:\n  elsewhere: { cluster: c, service: s }\n');
  env = { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, XDG_CONFIG_HOME: join(dir, 'xdg') };
});

/** What bash's completion function answers for the words typed so far (the last is being completed). */
function complete(...words: string[]): string[] {
  const script = [
    'source <(shipwatch completion bash)',
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_shipwatch',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    cwd: dir,
    env: childEnv(env),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('completes subcommands and the config file’s target names as the first word', () => {
    expect(complete('shipwatch', 'prod-w')).toEqual(['prod-worker']);
    expect(complete('shipwatch', 'a')).toEqual(['audit']);
    expect(complete('shipwatch', '')).toEqual(expect.arrayContaining(['init', 'targets', 'prod-api', 'staging-api']));
  });

  it('completes flags, a flag’s choices, file names and -t targets (from --config when given)', () => {
    expect(complete('shipwatch', '--scen')).toEqual(['--scenario']);
    expect(complete('shipwatch', '--scenario', 'st')).toEqual(['stuck-rollout']);
    expect(complete('shipwatch', '-t', 'st')).toEqual(['staging-api']);
    expect(complete('shipwatch', '--config', 'other.yaml', '-t', '')).toEqual(['elsewhere']);
    expect(complete('shipwatch', '--config', 'oth')).toEqual(['other.yaml']);
    expect(complete('shipwatch', '--cluster', '')).toEqual([]);
  });

  it('completes each subcommand’s own flags and arguments', () => {
    expect(complete('shipwatch', 'audit', '--j')).toEqual(['--json']);
    expect(complete('shipwatch', 'completion', '')).toEqual(['bash', 'zsh']);
    expect(complete('shipwatch', 'report', 'prod-a')).toEqual(['prod-api']);
    expect(complete('shipwatch', 'init', '--clu')).toEqual(['--cluster']);
  });
});

const hasZsh = spawnSync('zsh', ['-c', 'exit 0']).status === 0;
let term: TerminalHandle | undefined;
afterEach(async () => {
  await term?.dispose();
  term = undefined;
});

/** Tab in an interactive shell, in a real terminal: the line on screen is what the user would see. */
async function tabIn(shell: string, args: string[], prompt: RegExp) {
  term = spawnTerminal({
    command: shell,
    args,
    cols: 100,
    rows: 12,
    cwd: dir,
    env: { ...env, PS1: '$ ', PROMPT: '$ ' },
  });
  await term.waitFor(prompt, 10_000);
  term.type(`source <(shipwatch completion ${shell})\r`);
  term.type('shipwatch prod-w\t');
  await term.waitFor('shipwatch prod-worker', 10_000);
  term.press('\x15'); // ^U: a clean line
  term.type('shipwatch --scenario he\t');
  await term.waitFor('shipwatch --scenario healthy', 10_000);
}

describe('in an interactive shell', () => {
  it('bash completes on Tab', async () => {
    await tabIn('bash', ['--norc', '--noprofile', '-i'], /\$ $/m);
  });

  it.skipIf(!hasZsh)('zsh completes on Tab (skipped without zsh; .ci/run installs it)', async () => {
    await tabIn('zsh', ['-f', '-i'], /\$/);
  });
});
