// An error signature in full: its template and first line whole, its counts and rates either side
// of T+0, when it was first and last seen, and the same lines read at the source.
import type { SignatureRow } from '../../domain/health/signatures/signatureBook.js';
import { num } from '../../domain/units.js';
import { int } from '../format.js';
import { filterLogEventsCommand } from './awsLinks.js';
import type { Target } from '../../domain/backend.js';
import type { DetailBlock, DetailContent } from './content.js';
import { NO_LOG_GROUP } from './logDetail.js';
import { when } from './when.js';

/** Words a filter pattern can match exactly: the template's first run of words without a placeholder. */
const MAX_WORDS = 5;

/**
 * `"pq: sorry, too many"`: a CloudWatch filter pattern for the signature's leading plain words
 * (placeholders like `<num>` vary, and a double quote cannot be said inside a quoted term).
 */
export function signaturePattern(template: string): string | undefined {
  const words = template.split(/\s+/).filter(Boolean);
  const plain = (w: string) => !/[<>"]/.test(w);
  const start = words.findIndex(plain);
  if (start < 0) return undefined;
  const run: string[] = [];
  for (const w of words.slice(start)) {
    if (!plain(w) || run.length === MAX_WORDS) break;
    run.push(w);
  }
  return `"${run.join(' ')}"`;
}

export interface SignatureDetailContext {
  target: Target;
  t0?: number;
  logGroup?: string;
}

export function signatureDetail(r: SignatureRow, ctx: SignatureDetailContext): DetailContent {
  const blocks: DetailBlock[] = [
    {
      kind: 'field',
      label: 'new',
      value: r.isNew ? 'yes: first seen after T+0' : 'no: seen before T+0 too',
      tone: r.isNew ? 'bad' : undefined,
    },
    { kind: 'field', label: 'lines', value: `${int(r.after)} since T+0 · ${int(r.before)} before` },
    {
      kind: 'field',
      label: 'per minute',
      value: `${num(r.ratePerMinBefore)} before → ${num(r.ratePerMinAfter)} since T+0`,
    },
    { kind: 'field', label: 'first seen', value: when(r.firstSeen, ctx.t0) },
    { kind: 'field', label: 'last seen', value: when(r.lastSeen, ctx.t0) },
    { kind: 'heading', text: 'Template' },
    { kind: 'text', text: r.template },
    { kind: 'heading', text: 'First line seen' },
    { kind: 'text', text: r.example },
    { kind: 'heading', text: 'At the source' },
  ];
  const pattern = signaturePattern(r.template);
  if (!ctx.logGroup) blocks.push({ kind: 'text', text: NO_LOG_GROUP, tone: 'warn' });
  else
    blocks.push({
      kind: 'command',
      what: `its lines from first to last seen${pattern ? ', by its first words' : ''}`,
      argv: filterLogEventsCommand(
        { group: ctx.logGroup, start: r.firstSeen, end: r.lastSeen + 1000, pattern },
        ctx.target,
      ),
    });
  return { title: `Error signature #${r.id}${r.isNew ? ' · NEW' : ''}`, blocks };
}
