// `shipwatch checklist --runbook FILE`: what a runbook imports as, to check before relying on it in
// the dashboard. Reads only; runs nothing (commands run in the dashboard, one key press each).
import type { SubcommandModule } from './commands.js';
import { Command } from 'commander';
import { parseSubcommand } from './flags.js';
import { loadRunbook } from './checklistSources.js';
import { parseFills } from '../config/fillPlaceholders.js';
import { describeExpect } from '../checklist/runbook/expectedText.js';
import type { ChecklistStepDef } from '../domain/model.js';
import { sanitizeDeep, sanitizeLine, sanitizeText } from '../domain/sanitize.js';
import { commandRisk, riskReason } from '../checklist/commandRisk.js';

function riskText(run: string): string {
  const r = commandRisk(run);
  if (r.kind === 'reads') return 'on c; also in --read-only (only known read-only programs)';
  return `after y only — ${riskReason(r)}; refused in --read-only`;
}

/** The runbook is someone else's text: no escape sequence in it reaches the terminal. */
const clean = (text: string): string[] => text.split(/\r?\n/).map((line) => sanitizeLine(line));

export function checklistText(steps: ChecklistStepDef[], warnings: string[]): string {
  const width = String(steps.length).length;
  const pad = ' '.repeat(width + 4);
  const out: string[] = [];
  steps.forEach((s, i) => {
    out.push(
      `  ${String(i + 1).padStart(width)}. ${`[${s.phase}]`.padEnd(9)}${s.kind.padEnd(9)}${clean(s.title).join(' ')}`,
    );
    const detail = (label: string, text: string) =>
      clean(text).forEach((l, j) => out.push(`${pad}${j === 0 ? label : ' '.repeat(label.length)}${l}`));
    if (s.command) detail('', s.command.run);
    if (s.command) detail('runs: ', riskText(s.command.run));
    if (s.placeholders?.length) detail('placeholders: ', `${s.placeholders.join(', ')} — fill these before running`);
    const expect = s.command && describeExpect(s.command.expect);
    if (expect) detail('expect: ', expect);
    if (s.note) detail('note: ', s.note);
    if (s.source) detail('from ', `${s.source.file}:${s.source.line}`);
  });
  if (steps.length) out.push('');
  for (const w of warnings) out.push(`warning: ${clean(w).join(' ')}`);
  const kinds = new Map<string, number>([
    ['command', 0],
    ['manual', 0],
  ]);
  for (const s of steps) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  const counts = [...kinds]
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  out.push(`${steps.length} steps${counts ? `: ${counts}` : ''} — nothing was run`);
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}

/**
 * The listing is for reading: a JSON escape (\u001b) is no protection, since `jq -r` turns it back
 * into the character. So every string is sanitised, commands keeping their lines.
 */
const safeJson = (value: unknown): string => JSON.stringify(sanitizeDeep(value, sanitizeText), null, 2);

export const checklistProgram = (): Command =>
  new Command('shipwatch checklist')
    .description('Print the steps a Markdown runbook imports as (phase, kind, title, command). Runs nothing.')
    .requiredOption('--runbook <file>', 'the Markdown runbook to import')
    .option(
      '--fill <placeholder=value>',
      'fill a placeholder, as in the dashboard (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--json', 'print {file, steps, warnings} as JSON');

export function runChecklistCommand(argv: string[]): number {
  const program = checklistProgram();
  if (!parseSubcommand(program, argv, 'checklist')) return 0;
  const o = program.opts<{ runbook: string; json?: boolean; fill: string[] }>();
  const { steps, warnings } = loadRunbook(o.runbook, parseFills(o.fill));
  process.stdout.write(o.json ? `${safeJson({ file: o.runbook, steps, warnings })}\n` : checklistText(steps, warnings));
  return 0;
}

/** What the subcommand registry (commands.ts) loads. */
export const subcommand: SubcommandModule = { program: checklistProgram, run: runChecklistCommand };
