// `shipwatch completion bash|zsh`: the completion script, built from the same commander definitions
// the CLI parses with (completion.ts).
import type { SubcommandModule } from './commands.js';
import { Argument, Command } from 'commander';
import { buildProgram, parseSubcommand } from './flags.js';
import { SUBCOMMANDS } from './commands.js';
import { commandSpec, completionScript } from './completion.js';

export const completionProgram = (): Command =>
  new Command('shipwatch completion')
    .description(
      'Print the shell completion script for flags, subcommands and target names.\n' +
        '  bash: shipwatch completion bash > ~/.local/share/bash-completion/completions/shipwatch\n' +
        '  zsh:  echo "source <(shipwatch completion zsh)" >> ~/.zshrc',
    )
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(['bash', 'zsh']));

export async function runCompletionCommand(argv: string[], version: string): Promise<number> {
  const program = completionProgram();
  if (!parseSubcommand(program, argv, 'completion')) return 0;
  const shell = program.args[0] as 'bash' | 'zsh';
  const subs = await Promise.all(SUBCOMMANDS.map(async (c) => commandSpec(c.name, (await c.load()).program(version))));
  process.stdout.write(completionScript(shell, commandSpec('', buildProgram(version)), subs));
  return 0;
}

/** What the subcommand registry (commands.ts) loads. */
export const subcommand: SubcommandModule = { program: completionProgram, run: runCompletionCommand };
