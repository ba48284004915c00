// Command-line flags: parsed by commander, validated by zod, errors as one line and exit status 2.
import { Command, CommanderError, Option } from 'commander';
import { optionsSchema, SCENARIO_NAMES, type CliOptions } from '../config/flagsSchema.js';
import { UsageError } from '../domain/errors.js';
import { subcommandHelp } from './commands.js';

/** What the user asked for; `help`/`version` have been printed already when `exit` is set. */
export type ParseResult = { options: CliOptions } | { exit: number };

const FLAG_OF: Record<string, string> = {
  readOnly: '--read-only',
  logBuffer: '--log-buffer',
  altScreen: '--no-alt-screen',
  endpointUrl: '--endpoint-url',
  logFilter: '--log-filter',
  bell: '--no-bell',
  liveTail: '--live-tail',
};

export function buildProgram(version: string): Command {
  return new Command('shipwatch')
    .description(
      'Terminal dashboard for the first two hours after an Amazon ECS release.\n' +
        'Watches a target named in the config file (shipwatch NAME), or --cluster/--service; with neither it runs the built-in demo.\n' +
        'Config: --config FILE, else ./shipwatch.yaml, else $XDG_CONFIG_HOME/shipwatch/config.yaml (~/.config/shipwatch/config.yaml).',
    )
    .version(version)
    .argument('[target]', 'a target named in the config file (shipwatch targets lists them)')
    .option('-t, --target <name>', 'a target named in the config file (the same as giving NAME)')
    .option('--cluster <name>', 'ECS cluster to watch')
    .option('--service <name>', 'ECS service to watch')
    .option('--region <region>', "AWS region (default: AWS_REGION or the profile's region)")
    .option('--profile <name>', 'AWS profile from ~/.aws/config (SSO works: aws sso login first)')
    .option('--config <file>', 'YAML config file (default: ./shipwatch.yaml when present)')
    .option('--endpoint-url <url>', 'send every AWS request to this endpoint (tests, local AWS emulators)')
    .option('--log-filter <pattern>', 'CloudWatch Logs filter pattern applied on the server')
    .option(
      '--release <rev|deployment-id>',
      'watch this release (a revision number, family:revision or a deployment id) instead of the newest',
    )
    .option('--live-tail', 'follow logs with CloudWatch Live Tail ($0.01 per session-minute) instead of polling')
    .option('--no-bell', 'do not ring the terminal bell when an alarm goes to ALARM')
    .option(
      '--runbook <file>',
      'import a Markdown release runbook as checklist steps (commands run only when you start them)',
    )
    .option(
      '--fill <placeholder=value>',
      'fill a runbook placeholder, e.g. --fill v1.X.Y=v1.4.2 (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--demo', 'run the built-in demo world (the default when no AWS target is given)')
    .addOption(new Option('--scenario <name>', 'demo scenario').choices([...SCENARIO_NAMES]).default('bad-release'))
    .option('--speed <n>', 'demo clock speed, x real time', '20')
    .option('--seed <n>', 'demo random seed (same seed, same world)', '1')
    .option('--ascii', 'ASCII borders and glyphs (automatic when the locale is not UTF-8)')
    .option('--json', 'when stdout is not a terminal, print the snapshot as JSON')
    .option('--read-only', 'disable every action that changes AWS')
    .option('--no-alt-screen', 'draw in the normal screen instead of the alternate screen')
    .option('--log-buffer <lines>', 'log lines kept in memory (default 10000)')
    .addHelpText('after', subcommandHelp())
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (s) => process.stdout.write(s) });
}

export function parseArgs(argv: string[], version: string): ParseResult {
  const program = buildProgram(version);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return { exit: 0 };
      throw new UsageError(`${e.message.replace(/^error: /, '')}\nRun shipwatch --help for the flags.`);
    }
    throw e;
  }
  const [positional] = program.args;
  const flagged = program.opts<{ target?: string }>().target;
  if (positional && flagged && positional !== flagged)
    throw new UsageError(
      `two targets given (${positional} and -t ${flagged}): name one\nRun shipwatch --help for the flags.`,
    );
  const parsed = optionsSchema.safeParse({ ...program.opts(), target: positional ?? flagged });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const flag = FLAG_OF[key] ?? `--${key}`;
    throw new UsageError(
      `${flag}: ${issue.message} (got ${JSON.stringify(program.opts()[key])})\nRun shipwatch --help for the flags.`,
    );
  }
  return { options: parsed.data };
}

/** A subcommand's flags (`shipwatch audit …`): false when help was printed (exit 0); a bad flag is
 *  one UsageError line naming the subcommand. */
export function parseSubcommand(program: Command, argv: string[], name: string): boolean {
  program.exitOverride().configureOutput({ writeErr: () => {}, writeOut: (s) => process.stdout.write(s) });
  try {
    program.parse(argv, { from: 'user' });
    return true;
  } catch (e) {
    if (e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version'))
      return false;
    if (e instanceof CommanderError)
      throw new UsageError(`${name}: ${e.message.replace(/^error: /, '').split('\n')[0]}`);
    throw e;
  }
}
