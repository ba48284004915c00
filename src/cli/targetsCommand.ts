// `shipwatch targets`: the config file's named targets, and which file that is. Reads only the file.
import type { SubcommandModule } from './commands.js';
import { Command } from 'commander';
import { parseSubcommand } from './flags.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { chooseTarget, targetNames } from '../config/target.js';
import { sanitizeDeep, sanitizeLine, sanitizeText } from '../domain/sanitize.js';

export const targetsProgram = (): Command =>
  new Command('shipwatch targets')
    .description(
      'List the targets named in the config file (shipwatch NAME watches one). The file is --config FILE, else ' +
        './shipwatch.yaml, else $XDG_CONFIG_HOME/shipwatch/config.yaml.',
    )
    .option('--config <file>', 'the config file to read')
    .option('--names', 'only the names, one per line (for shell completion)')
    .option('--json', 'print [{name, cluster, service, region, profile}] as JSON');

interface Row {
  name: string;
  cluster?: string;
  service?: string;
  region?: string;
  profile?: string;
}

/** Each target as it runs: chosen as `shipwatch NAME` would choose it (config/target.ts). */
function rows(loaded: LoadedConfig): Row[] {
  return targetNames(loaded.config).map((name) => {
    const { cluster, service, region, profile } = chooseTarget(loaded, { name, flagsNameService: true }).config;
    return { name, cluster, service, region, profile };
  });
}

export function targetsTable(loaded: LoadedConfig): string {
  if (!loaded.file)
    return (
      `no config file (looked in ${loaded.searched.join(', ')})\n` +
      'shipwatch init --cluster CLUSTER --service SERVICE writes one.\n'
    );
  const list = rows(loaded);
  const head = `targets in ${loaded.file}`;
  const top = loaded.config.cluster && loaded.config.service;
  const bare = top ? `\nshipwatch with no name watches ${loaded.config.cluster}/${loaded.config.service}` : '';
  if (!list.length) return sanitizeLine(`${head}: none (a targets: section names them)${bare}`) + '\n';
  const cells = [
    ['NAME', 'CLUSTER/SERVICE', 'REGION', 'PROFILE'],
    ...list.map((r) => [r.name, `${r.cluster ?? '?'}/${r.service ?? '?'}`, r.region ?? '-', r.profile ?? '-']),
  ].map((r) => r.map((c) => sanitizeLine(c)));
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((r) => r[i]!.length)));
  const table = cells.map((r) =>
    r
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
      .join('  ')
      .trimEnd(),
  );
  return `${sanitizeLine(head)}\n${table.join('\n')}\n${bare ? `${sanitizeLine(bare.slice(1))}\n` : ''}`;
}

export function runTargetsCommand(argv: string[]): number {
  const program = targetsProgram();
  if (!parseSubcommand(program, argv, 'targets')) return 0;
  const o = program.opts<{ config?: string; names?: boolean; json?: boolean }>();
  const loaded = loadConfig(o.config);
  if (o.names)
    process.stdout.write(
      rows(loaded)
        .map((r) => `${r.name}\n`)
        .join(''),
    );
  else if (o.json) process.stdout.write(`${JSON.stringify(sanitizeDeep(rows(loaded), sanitizeText), null, 2)}\n`);
  else process.stdout.write(targetsTable(loaded));
  return 0;
}

/** What the subcommand registry (commands.ts) loads. */
export const subcommand: SubcommandModule = { program: targetsProgram, run: runTargetsCommand };
