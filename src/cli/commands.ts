// The subcommands, in one list: main dispatches from it, --help lists it, completion offers it, and
// the config refuses a target of the same name (a test checks the list against RESERVED_TARGET_NAMES).
import type { Command } from 'commander';

export interface SubcommandModule {
  /** The subcommand's flags, for parsing and for completion. */
  program(version: string): Command;
  run(argv: string[], version: string): number | Promise<number>;
}

export interface Subcommand {
  name: string;
  /** One line for `shipwatch --help`. */
  summary: string;
  /** Loaded only when used: the dashboard never parses a subcommand's code. */
  load(): Promise<SubcommandModule>;
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'targets',
    summary: "list the config file's named targets (shipwatch NAME watches one)",
    load: async () => (await import('./targetsCommand.js')).subcommand,
  },
  {
    name: 'init',
    summary: 'discover a service (log group, alarms, target groups) and write its target entry',
    load: async () => (await import('./initCommand.js')).subcommand,
  },
  {
    name: 'audit',
    summary: 'print the audit log: rollbacks, alarm transitions, checklist results',
    load: async () => (await import('./auditCommand.js')).subcommand,
  },
  {
    name: 'report',
    summary: 'write the release record (Markdown or JSON) from the audit log and ECS',
    load: async () => (await import('./reportCommand.js')).subcommand,
  },
  {
    name: 'checklist',
    summary: "list a runbook's steps without running them (--runbook FILE)",
    load: async () => (await import('./checklistCommand.js')).subcommand,
  },
  {
    name: 'completion',
    summary: 'print the shell completion script (bash or zsh)',
    load: async () => (await import('./completionCommand.js')).subcommand,
  },
];

export const SUBCOMMAND_NAMES = SUBCOMMANDS.map((c) => c.name);

/** `shipwatch --help`'s list of subcommands, aligned as commander aligns its own sections. */
export function subcommandHelp(): string {
  const rows: [string, string][] = [
    ['shipwatch NAME', 'watch the target NAME from the config file (same as -t NAME)'],
    ...SUBCOMMANDS.map((c): [string, string] => [`shipwatch ${c.name}`, c.summary]),
  ];
  const width = Math.max(...rows.map(([a]) => a.length));
  const lines = rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`);
  return `\nCommands (shipwatch COMMAND --help for each):\n${lines.join('\n')}\n`;
}
