// A log line in full: when, which task's stream, the message whole, and indented when it is JSON;
// the same stretch of the log group from the CLI, the console and Logs Insights.
import type { Target } from '../../domain/backend.js';
import { ERROR_WORDS } from '../../domain/health/errorLines.js';
import type { LogEvent } from '../../domain/model.js';
import { clock } from '../../domain/releaseClock.js';
import { sanitizeText } from '../../domain/sanitize.js';
import { hms } from '../format.js';
import { filterLogEventsCommand, insightsUrl, logEventsUrl, type LogSpan } from './awsLinks.js';
import type { DetailBlock, DetailContent } from './content.js';

/** Around the line, either side: enough to see what led to it. */
export const LOG_CONTEXT_MS = 60_000;

/**
 * The message indented as JSON when it is JSON, whole or after a text prefix (`INFO {…}`); undefined
 * otherwise. Parsing turns `\u202e` written in the text into the character itself, so the result
 * is sanitised again.
 */
export function prettyJson(message: string): string | undefined {
  const start = message.search(/[{[]/);
  if (start < 0) return undefined;
  try {
    const value: unknown = JSON.parse(message.slice(start));
    if (value === null || typeof value !== 'object') return undefined;
    return sanitizeText(JSON.stringify(value, null, 2));
  } catch {
    return undefined;
  }
}

export interface LogDetailContext {
  target: Target;
  t0?: number;
  /** The log group the lines come from (the config's, else the serving task definition's); undefined when neither names one. */
  logGroup?: string;
  /** The CloudWatch filter pattern the lines were read with (config / --log-filter). */
  filterPattern?: string;
  /** The Logs pane's own filters, carried into the Logs Insights query. */
  view: { errorsOnly: boolean; filter: string };
}

const insightsString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const regexEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A Logs Insights query for the line's stream around it, with the pane's errors-only and text filters. */
export function insightsQuery(stream: string, view: LogDetailContext['view']): string {
  const lines = ['fields @timestamp, @logStream, @message', `| filter @logStream = ${insightsString(stream)}`];
  if (view.errorsOnly) lines.push(`| filter @message like /${ERROR_WORDS.join('|')}/`);
  if (view.filter) {
    // The pane's filter ignores case, a /regex/ included.
    const m = /^\/(.+)\/[a-z]*$/.exec(view.filter);
    const source = m ? m[1]!.replace(/\//g, '\\/') : regexEscape(view.filter);
    lines.push(`| filter @message like /(?i)${source}/`);
  }
  lines.push('| sort @timestamp asc', '| limit 500');
  return lines.join('\n');
}

export const NO_LOG_GROUP = 'log group unknown: the task definition names no awslogs group; set logGroup in the config';

function sourceBlocks(e: LogEvent, ctx: LogDetailContext): DetailBlock[] {
  const head: DetailBlock = { kind: 'heading', text: 'At the source' };
  if (!ctx.logGroup) return [head, { kind: 'text', text: NO_LOG_GROUP, tone: 'warn' }];
  const span: LogSpan = {
    group: ctx.logGroup,
    stream: e.stream,
    start: e.timestamp - LOG_CONTEXT_MS,
    end: e.timestamp + LOG_CONTEXT_MS,
    pattern: ctx.filterPattern,
  };
  return [
    head,
    { kind: 'command', what: 'its stream, a minute either side', argv: filterLogEventsCommand(span, ctx.target) },
    {
      kind: 'url',
      what: 'the log group in the console, with the filter',
      url: logEventsUrl({ ...span, stream: undefined }, ctx.target),
    },
    {
      kind: 'url',
      what: 'a Logs Insights query around it',
      url: insightsUrl(ctx.logGroup, insightsQuery(e.stream, ctx.view), span.start, span.end, ctx.target),
    },
  ];
}

/** The line whole: its time to the millisecond, stream, level and message. */
export function logDetail(e: LogEvent, ctx: LogDetailContext): DetailContent {
  const json = prettyJson(e.message);
  const blocks: DetailBlock[] = [
    // To the millisecond: lines of one second are told apart, and the CLI's times are in ms.
    {
      kind: 'field',
      label: 'at',
      value: `${new Date(e.timestamp).toISOString()}${ctx.t0 === undefined ? '' : ` (${clock(e.timestamp - ctx.t0)})`}`,
    },
    { kind: 'field', label: 'stream', value: e.stream },
    { kind: 'field', label: 'level', value: e.level, tone: e.level === 'ERROR' ? 'bad' : undefined },
    { kind: 'heading', text: 'Message' },
    { kind: 'text', text: e.message },
  ];
  if (json) blocks.push({ kind: 'heading', text: 'As JSON' }, { kind: 'pre', text: json });
  blocks.push(...sourceBlocks(e, ctx));
  return { title: `Log line · ${hms(e.timestamp)} · ${e.level}`, blocks };
}
