// What counts as an error line, and how a typed filter matches: one rule each, used by the Logs
// pane, the built-in checks and the wait step.
import type { LogEvent } from './model.js';

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
