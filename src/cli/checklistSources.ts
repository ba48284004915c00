// The dashboard's checklist: the config's steps (or the built-in checks), then the runbook's.
import { readFileSync } from 'node:fs';
import { UsageError } from '../domain/errors.js';
import { demoChecklist } from '../adapters/demo/checklist.js';
import { defaultChecklist } from '../checklist/defaultChecklist.js';
import type { ChecklistStepDef } from '../domain/model.js';
import { fillStep, type Fills } from '../config/fillPlaceholders.js';
import { importRunbook } from '../checklist/runbook.js';
import type { Settings } from '../config/settings.js';
import { sanitizeDeep, sanitizeLine, sanitizeText } from '../domain/sanitize.js';

/**
 * What of a step is only ever shown (its title, note, placeholders) is made safe once, here, for
 * every screen and listing; what runs (the command, the request) stays exact and is sanitised
 * where it is shown.
 */
const shownSafely = (step: ChecklistStepDef): ChecklistStepDef => ({
  ...step,
  title: sanitizeLine(step.title),
  ...(step.note !== undefined && { note: sanitizeText(step.note) }),
  ...(step.placeholders && { placeholders: sanitizeDeep(step.placeholders) }),
});

export interface LoadedRunbook {
  file: string;
  steps: ChecklistStepDef[];
  warnings: string[];
}

export function loadRunbook(file: string, fills: Fills = {}): LoadedRunbook {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read runbook ${file}: ${err.code ?? err.message} — check the --runbook path (or runbook: in the config)`,
    );
  }
  const { steps, warnings } = importRunbook(text, file);
  return { file, steps: steps.map((s) => shownSafely(fillStep(s, fills))), warnings: warnings.map(sanitizeLine) };
}

/** The config's steps, else the built-in checks (the demo's own in the demo); then the runbook's steps. */
export function resolveChecklist(s: Settings): { steps: ChecklistStepDef[]; runbook?: LoadedRunbook } {
  const runbook = s.runbook ? loadRunbook(s.runbook, s.fills) : undefined;
  const base =
    s.checklist ??
    (s.mode === 'demo' ? demoChecklist : defaultChecklist(Boolean(s.aws?.expectedDaily), s.aws?.thresholds?.p99));
  return { steps: runbook ? [...base.map(shownSafely), ...runbook.steps] : base.map(shownSafely), runbook };
}

/** One line for the dashboard's notice: how much came in, and where to see what did not. */
export function runbookNotice(r: LoadedRunbook): string {
  const blank = r.steps.filter((s) => s.placeholders?.length).length;
  const parts = [`runbook ${r.file}: ${r.steps.length} steps imported (commands run only when you start them)`];
  if (blank) parts.push(`${blank} need --fill before they run`);
  if (r.warnings.length) parts.push(`${r.warnings.length} warning(s): shipwatch checklist --runbook ${r.file}`);
  return parts.join('; ');
}
