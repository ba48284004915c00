import { isErrorLine } from '../domain/health/errorLines.js';
import { compileFilter } from '../domain/logLines.js';
import type { LogEvent } from '../domain/model.js';
import type { LogsState, LogView } from './state.js';

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
