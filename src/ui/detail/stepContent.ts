// A checklist step in full for `o`: what it is and will run (stepDetail, the lines the pane shows
// under the list), what it expects, and everything it printed.
import type { ChecklistStepDef, StepResult } from '../../domain/model.js';
import { sanitizeLine, sanitizeText } from '../../domain/sanitize.js';
import { stepDetail } from '../stepDetail.js';
import type { DetailBlock, DetailContent } from './content.js';

/** `minutes=5, pattern=timeout`; `status 200, json status = "healthy"`. */
function expectation(step: ChecklistStepDef): string | undefined {
  const http = step.http?.expect;
  if (http) {
    const parts = [http.status === undefined ? 'any 2xx' : `status ${http.status}`];
    for (const j of http.json ?? []) parts.push(`json ${j.path} = ${JSON.stringify(j.equals)}`);
    for (const l of http.listContains ?? []) parts.push(`${l.path} holds ${l.members.join(', ')}`);
    return parts.join(', ');
  }
  const cmd = step.command?.expect;
  if (cmd) {
    const parts = [`exit ${cmd.exitCode ?? 0}`];
    if (cmd.outputRegex) parts.push(`output matches /${cmd.outputRegex}/`);
    if (cmd.emptyOutput) parts.push('no output');
    return parts.join(', ');
  }
  return undefined;
}

export function stepContent(step: ChecklistStepDef | undefined, result: StepResult | undefined): DetailContent {
  const title = `${step ? sanitizeLine(step.title) : 'no step selected'} · ${result?.status ?? 'pending'}`;
  if (!step) return { title, blocks: [] };
  const blocks: DetailBlock[] = stepDetail(step).map((d) => ({ kind: 'pre', text: d.text, tone: d.tone ?? 'accent' }));
  blocks.push({ kind: 'field', label: 'kind', value: `${step.kind} (${step.phase})`, tone: 'dim' });
  const params = Object.entries(step.params ?? {}).map(([k, v]) => `${k}=${v}`);
  if (params.length) blocks.push({ kind: 'field', label: 'params', value: sanitizeLine(params.join(', ')) });
  const expects = expectation(step);
  if (expects) blocks.push({ kind: 'field', label: 'expects', value: sanitizeLine(expects) });
  // Output is data: shown without its escapes, every line of it.
  blocks.push(
    { kind: 'heading', text: 'Output' },
    { kind: 'pre', text: result?.output === undefined ? '(not run yet)' : sanitizeText(result.output) },
  );
  return { title, blocks };
}
