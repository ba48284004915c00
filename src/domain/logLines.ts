import type { LogEvent } from './model.js';
import type { LogsState, LogView } from '../app/state.js';

export const ERROR_PATTERN = /\b(ERROR|PANIC|FATAL)\b/;

/** A filter typed as /regex/flags is a regular expression; anything else is a case-insensitive substring. */
export function compileFilter(filter: string): { test: (s: string) => boolean; error?: string } {
  const m = /^\/(.+)\/([a-z]*)$/.exec(filter);
  if (!m) {
    const needle = filter.toLowerCase();
    return { test: (s) => s.toLowerCase().includes(needle) };
  }
  try {
    const re = new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`);
    return { test: (s) => re.test(s) };
  } catch (e) {
    return { test: () => true, error: `bad regex: ${(e as Error).message}` };
  }
}

export const isErrorLine = (e: LogEvent): boolean => e.level === 'ERROR' || ERROR_PATTERN.test(e.message);

/** The lines the Logs pane may show: up to the pause anchor, then errors-only, then the text filter. */
export function visibleLogLines(logs: Pick<LogsState, 'lines' | 'received'>, view: LogView): LogEvent[] {
  let lines = logs.lines;
  if (view.pausedAt !== undefined) {
    const newer = logs.received - view.pausedAt;
    if (newer > 0) lines = lines.slice(0, Math.max(0, lines.length - newer));
  }
  if (view.errorsOnly) lines = lines.filter(isErrorLine);
  if (view.filter) {
    const f = compileFilter(view.filter);
    lines = lines.filter((e) => f.test(e.message) || f.test(e.stream));
  }
  return lines;
}
