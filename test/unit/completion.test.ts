// The completion script is generated from the commander definitions: every flag, value kind and
// subcommand the CLI parses is in it, and nothing else has to be kept in step.
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/flags.js';
import { SUBCOMMANDS } from '../../src/cli/commands.js';
import { commandSpec, completionScript } from '../../src/cli/completion.js';

const flagsLine = (script: string, arm: string): string => {
  const at = script.indexOf(`    ${arm})\n`);
  const m = /flags="([^"]*)"/.exec(script.slice(at));
  if (at < 0 || !m) throw new Error(`no ${arm} arm`);
  return m[1]!;
};

describe('shell completion', () => {
  it('offers every visible flag of the dashboard and of each subcommand', async () => {
    const subs = await Promise.all(SUBCOMMANDS.map(async (c) => ({ c, p: (await c.load()).program('0') })));
    const script = completionScript(
      'bash',
      commandSpec('', buildProgram('0')),
      subs.map(({ c, p }) => commandSpec(c.name, p)),
    );
    const main = flagsLine(script, '*').split(' ');
    for (const o of buildProgram('0').options) for (const n of [o.short, o.long]) if (n) expect(main).toContain(n);
    for (const { c, p } of subs) {
      const own = flagsLine(script, c.name).split(' ');
      for (const o of p.options.filter((x) => !x.hidden)) expect(own).toContain(o.long);
      expect(own).toContain('--help');
    }
    expect(script).toContain(`compgen -W "${SUBCOMMANDS.map((c) => c.name).join(' ')} $(_shipwatch_targets)"`);
  });

  it('completes a flag value by what the definition says it is', () => {
    const p = new Command('x')
      .option('--config <file>', '')
      .option('-t, --target <name>', '')
      .option('--count <n>', '')
      .addOption(new Option('--mode <m>', '').choices(['fast', 'slow']))
      .addOption(new Option('--secret', '').hideHelp());
    const script = completionScript('bash', commandSpec('', p), []);
    expect(script).toContain('--config) COMPREPLY=($(compgen -f -- "$cur")); return 0;;');
    expect(script).toContain('-t|--target) COMPREPLY=($(compgen -W "$(_shipwatch_targets)" -- "$cur")); return 0;;');
    expect(script).toContain('--count) COMPREPLY=(); return 0;;');
    expect(script).toContain('--mode) COMPREPLY=($(compgen -W "fast slow" -- "$cur")); return 0;;');
    expect(flagsLine(script, '*')).toBe('--config -t --target --count --mode -h --help');
  });

  it('gives zsh the same function through bashcompinit', () => {
    const spec = commandSpec('', buildProgram('0'));
    const zsh = completionScript('zsh', spec, []);
    const bash = completionScript('bash', spec, []);
    expect(zsh).toContain('autoload -U +X bashcompinit && bashcompinit');
    expect(zsh.slice(zsh.indexOf('_shipwatch_targets()'))).toBe(bash.slice(bash.indexOf('_shipwatch_targets()')));
  });
});
