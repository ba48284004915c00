// One shell (or PowerShell) block → the step it becomes: its title, kind, command and notes, and
// why a person must run it by hand when the runner cannot.
import type { ChecklistStepDef } from '../../domain/model.js';
import { parseShell, WINDOWS_LANGS } from './shell.js';

export const TIMEOUT_MS = 60_000;

export interface FenceContext {
  /** The section's heading, numbering and Markdown off. */
  heading?: string;
  /** A short paragraph right above the block ("Symptom:"), a sub-title candidate. */
  held?: string;
  /** A numbered item or "Step N:" line the block belongs to: it is the title. */
  anchor?: { text: string; notes: string[] };
  /** Command-like blocks in the section, and which one this is (1-based). */
  count: number;
  index: number;
}

export interface FenceStep {
  draft: Pick<ChecklistStepDef, 'title' | 'kind' | 'command'>;
  notes: string[];
  /** Scanned for placeholders; shell code also for unset variables. */
  code: { text: string; shell: boolean };
  /** "Expected…" comments, applied once the step exists. */
  expects: string[][];
  /** Set when the block became a manual step: the warning's reason. */
  why?: string;
}

export function fenceStep(lang: string, body: string[], ctx: FenceContext): FenceStep {
  const sh = parseShell(body, lang);
  const { heading, held, anchor, count } = ctx;
  const sub = held ?? sh.comments[0];
  // A leading comment names the step only when nothing better does; then it leaves the note.
  const fromComment = !anchor && !held && sub !== undefined && (count > 1 || !heading);
  const named = heading
    ? count > 1
      ? sub
        ? `${heading}: ${sub}`
        : `${heading} (${ctx.index})`
      : heading
    : (sub ?? sh.run.split('\n')[0]);
  const title = anchor?.text ?? (named || `${lang} block`);
  const notes = [...(anchor?.notes ?? [])];
  const why = sh.windows
    ? `${WINDOWS_LANGS.has(lang) ? `${lang} block` : 'Windows path'}: shipwatch runs commands with /bin/sh, so this is a manual step — run it by hand`
    : sh.interactive && `${sh.interactive}: imported as a manual step — run it by hand`;
  if (why || !sh.run) {
    notes.push(...(sh.run ? ['run by hand:', ...body] : sh.comments));
    return {
      draft: { title, kind: 'manual' },
      notes,
      code: { text: body.join('\n'), shell: !sh.windows },
      expects: [],
      why: why || undefined,
    };
  }
  notes.push(...sh.comments.slice(fromComment ? 1 : 0));
  if (sh.output.length) notes.push('output shown in the runbook:', ...sh.output);
  if (/\s(--follow|-f)(\s|$)/.test(sh.run) && /\b(tail|logs)\b/.test(sh.run))
    notes.push(`streams until cancelled: the step ends at its ${TIMEOUT_MS / 1000} s timeout`);
  const command = { run: sh.run, timeoutMs: TIMEOUT_MS, expect: {} };
  return {
    draft: { title, kind: 'command', command },
    notes,
    code: { text: sh.run, shell: true },
    expects: sh.expects,
  };
}
