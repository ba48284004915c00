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
    load: async () => {
      const m = await import('./targetsCommand.js');
      return { program: m.targetsProgram, run: m.runTargetsCommand };
    },
  },
  {
    name: 'init',
    summary: 'discover a service (log group, alarms, target groups) and write its target entry',
    load: async () => {
      const m = await import('./initCommand.js');
      return { program: m.initProgram, run: m.runInitCommand };
    },
  },
  {
    name: 'audit',
    summary: 'print the audit log: rollbacks, alarm transitions, checklist results',
    load: async () => {
      const m = await import('./auditCommand.js');
      return { program: m.auditProgram, run: m.runAuditCommand };
    },
  },
  {
    name: 'report',
    summary: 'write the release record (Markdown or JSON) from the audit log and ECS',
    load: async () => {
      const m = await import('./reportCommand.js');
      return { program: m.reportProgram, run: m.runReportCommand };
    },
  },
  {
    name: 'checklist',
    summary: "list a runbook's steps without running them (--runbook FILE)",
    load: async () => {
      const m = await import('./checklistCommand.js');
      return { program: m.checklistProgram, run: m.runChecklistCommand };
    },
  },
  {
    name: 'completion',
    summary: 'print the shell completion script (bash or zsh)',
    load: async () => {
      const m = await import('./completionCommand.js');
      return { program: m.completionProgram, run: m.runCompletionCommand };
    },
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
