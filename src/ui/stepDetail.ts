import type { ChecklistStepDef } from '../domain/model.js';
import { sanitizeLine } from '../domain/sanitize.js';
import { riskReason, stepRisk } from '../app/stepChanges.js';

export interface DetailLine {
  text: string;
  tone?: 'warn' | 'dim';
}

/** What the selected step will do, in full: the exact command lines or request, and what blocks it. */
export function stepDetail(step: ChecklistStepDef): DetailLine[] {
  const out: DetailLine[] = [];
  if (step.placeholders?.length)
    out.push({ text: `fill first: ${step.placeholders.join(', ')} (not run until filled)`, tone: 'warn' });
  if (step.command) {
    const risk = stepRisk(step);
    if (risk && risk.kind !== 'reads')
      out.push({ text: `asks y, never runs in --read-only: ${riskReason(risk)}`, tone: 'warn' });
    for (const line of step.command.run.split('\n')) out.push({ text: `$ ${line}` });
    if (step.command.cwd) out.push({ text: `  in ${step.command.cwd}`, tone: 'dim' });
  }
  if (step.http) out.push({ text: `${step.http.method} ${step.http.url}` });
  if (step.kind === 'manual') out.push({ text: 'manual: Space ticks it when done', tone: 'dim' });
  if (step.note) out.push({ text: step.note, tone: 'dim' });
  if (step.source) out.push({ text: `from ${step.source.file}:${step.source.line}`, tone: 'dim' });
  // One row each (the pane counts rows), and a runbook's text is data: no escape sequence reaches the terminal.
  return out.flatMap((d) => d.text.split('\n').map((text) => ({ ...d, text: sanitizeLine(text) })));
}
