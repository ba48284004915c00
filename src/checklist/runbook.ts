// A Markdown runbook → checklist steps (`--runbook FILE`, `runbook:` in the config). Importing runs
// nothing: a command step runs only when the on-call starts it, and never while it has placeholders.
//
// Rules (a line-based reader of the Markdown runbooks use; no Markdown library needed):
// - Every step gets id rb-1, rb-2… in document order and source {file, line}. CRLF is fine.
// - Phase: the nearest heading saying pre-/post-deploy (or before/after the release) wins; otherwise
//   the outermost heading hinting one (validation/preparation → pre, deployment/rollout/release →
//   deploy, verification/smoke/monitoring → post); otherwise the previous section's phase ('pre' at
//   the start). A lone `#` title names no phase.
// - Rollback, troubleshooting and emergency sections are imported (nothing dropped) but as phase
//   'post' with the title prefixed "[rollback] " etc.: off the happy path, and shipwatch's `r` key
//   is the rollback. Reference sections (contacts, links, compliance/audit, "(Future)", notes,
//   summary, overview) are skipped with one warning each.
// - A ```bash/sh/shell/console block is one command step titled by its heading (a numbered item or
//   "Step N:" line right above it wins; with several blocks under one heading, the paragraph right
//   above or the block's first comment is added as a sub-title). Comment lines leave the command for
//   the note, `$ ` prompts are stripped, continuations and heredocs are kept. Timeout 60 s.
// - "Expected…" (a comment in the block, or a paragraph/```text/```json block right after it) becomes
//   expect when unambiguous: JSON → its key/values, quoted/bold text → that text, a status code or a
//   single word → that word, "empty output"/"no output" → emptyOutput (which also passes on exit 1
//   with nothing printed: grep's "no match"). Anything else is kept in the
//   note as "expect (check by eye): …" and the check stays exit status 0.
// - Blocks that cannot run unattended under /bin/sh become manual steps with the code in the note and
//   a warning: PowerShell/cmd blocks, Windows paths, editors and interactive consoles.
// - Checkboxes and numbered items without code are manual steps; plain bullets, prose, tables and
//   other code (yaml, json, text) fold into the note of the step before them (or the next one); a
//   section with only prose is one manual step named by its heading.
// - Placeholders (`v1.X.Y`, `family:XX`, `___`, `<cluster>`, `[CLUSTER-NAME]`, `:LATEST`,
//   `PREVIOUS_REVISION`, an unset `$VAR`, a revision copied from an "Example output" block) are
//   listed in the step's `placeholders`, exactly as written, for `--fill`.
import type { ChecklistStepDef } from '../domain/model.js';
import { Builder } from './runbook/build.js';
import { lex } from './runbook/lex.js';

export function importRunbook(text: string, file: string): { steps: ChecklistStepDef[]; warnings: string[] } {
  const { blocks, warnings } = lex(text);
  const built = new Builder(file, blocks);
  const all = [...warnings, ...built.warnings];
  if (built.steps.length === 0)
    all.push(`no steps found in ${file}: no headings with code, checkboxes or numbered items`);
  return { steps: built.steps, warnings: all };
}
