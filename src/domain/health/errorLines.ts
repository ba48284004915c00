// What counts as an error line, once: the Logs pane's colour and its errors-only view, the
// no-log-errors check, the soak step and the error signatures all ask this.
import type { LogEvent } from '../model.js';

/** The words that make a line an error whatever level the adapter parsed, as the help says them. */
export const ERROR_WORDS = ['ERROR', 'PANIC', 'FATAL'] as const;
export const ERROR_PATTERN = new RegExp(`\\b(${ERROR_WORDS.join('|')})\\b`);

export const isErrorLine = (e: LogEvent): boolean => e.level === 'ERROR' || ERROR_PATTERN.test(e.message);

/** How a line is toned on screen: errors bad, warnings warn. */
export const lineTone = (e: LogEvent): 'bad' | 'warn' | undefined =>
  isErrorLine(e) ? 'bad' : e.level === 'WARN' ? 'warn' : undefined;
