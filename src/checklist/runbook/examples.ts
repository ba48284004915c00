// Revisions a runbook shows as example output ("Example output: … web:42"): a later step that uses
// `web:42` copied the example, not the revision running now, so it is a blank to fill.
import type { Block } from './lex.js';

const EXAMPLE = /\b(?:example|sample)\s+(?:output|response|result)\b/i;
/** `task-definition/web:42` or a bare `web:42`; not ARN parts (`us-east-2:123456789012`) or times. */
const REVISION = /(?:task-definition\/|(?<![\w:/.-]))([A-Za-z][\w-]*):(\d{1,6})(?![\d:])/g;

const revisionsIn = (text: string): string[] => [...text.matchAll(REVISION)].map((m) => `${m[1]}:${m[2]}`);

/** The comment lines after `# Example output:` in a shell block. */
function commentedExamples(body: readonly string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of body) {
    const comment = /^\s*#(.*)$/.exec(line);
    if (comment && EXAMPLE.test(comment[1]!)) {
      open = true;
      out.push(comment[1]!.replace(EXAMPLE, ''));
    } else if (open && comment) out.push(comment[1]!);
    else open = false;
  }
  return out;
}

export function exampleRevisions(blocks: readonly Block[]): Set<string> {
  const found = new Set<string>();
  const add = (text: string) => revisionsIn(text).forEach((r) => found.add(r));
  blocks.forEach((b, i) => {
    if (b.t === 'fence') commentedExamples(b.body).forEach(add);
    if ((b.t === 'para' || b.t === 'heading' || b.t === 'item') && EXAMPLE.test(b.text)) {
      add(b.text.slice(b.text.search(EXAMPLE)));
      const next = blocks[i + 1];
      if (next?.t === 'fence') add(next.body.join('\n'));
    }
  });
  return found;
}

/** Where a runbook's command uses one of those revisions, exactly as written. */
export function exampleRevisionsUsed(code: string, examples: ReadonlySet<string>): { at: number; text: string }[] {
  if (!examples.size) return [];
  return [...code.matchAll(REVISION)]
    .map((m) => ({ at: m.index + m[0].length - `${m[1]}:${m[2]}`.length, text: `${m[1]}:${m[2]}` }))
    .filter((h) => examples.has(h.text));
}
