import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { LogEvent } from '../../domain/model.js';
import type { LogView } from '../../app/state.js';
import type { LogFollow } from '../../domain/backend.js';
import { num } from '../../domain/units.js';
import { firstLine, hms, int, levelTag, truncate } from '../format.js';
import { CursorRow, type CursorMark } from '../CursorRow.js';
import { useKeptInView } from '../keepInView.js';
import { Rows } from '../Rows.js';
import { theme } from '../theme.js';
import { lineTone } from '../../domain/health/errorLines.js';

export interface LogsPaneProps {
  /** Already filtered by the app, oldest first. */
  lines: readonly LogEvent[];
  width: number;
  height: number;
  view: LogView;
  totalReceived: number;
  error?: string;
  /** How the backend follows the stream; nothing is said for the demo's simulated one. */
  follow?: LogFollow;
  /** The logs source's interval, for `polling 1 s`. */
  pollMs: number;
  /** How the row cursor (the line `view.scrollBack` above the newest) is drawn; without it, no cursor column. */
  mark?: CursorMark;
}

/** `ecs/web/0f3c…` → `0f3c1a2b`: the task id is what tells streams apart. */
export const shortStream = (stream: string): string =>
  stream.slice(stream.lastIndexOf('/') + 1, stream.lastIndexOf('/') + 9);

const TONE = { bad: theme.bad, warn: theme.warn } as const;
const lineColor = (e: LogEvent): string | undefined => {
  const tone = lineTone(e);
  return tone && TONE[tone];
};

/** The window of `lines` on screen: `rows` lines ending `scrollBack` lines before the newest. */
export function visibleWindow(
  total: number,
  rows: number,
  scrollBack: number,
): { from: number; to: number; back: number } {
  const back = Math.max(0, Math.min(Math.floor(scrollBack), total - rows));
  const to = total - back;
  return { from: Math.max(0, to - rows), to, back };
}

/** `live tail`, `polling 1 s (Live Tail went silent)`; undefined for the demo. */
export function followText(follow: LogFollow | undefined, pollMs: number): string | undefined {
  if (!follow || follow.mode === 'simulated') return undefined;
  const mode = follow.mode === 'live-tail' ? 'live tail' : `polling ${num(pollMs / 1000)} s`;
  return follow.note ? `${mode} (${follow.note})` : mode;
}

function statusText(view: LogView, back: number, shown: number, totalReceived: number, follow?: string): string {
  const parts = [
    view.paused
      ? `PAUSED (p to follow)${back > 0 ? ` back ${back}` : ''}`
      : back > 0
        ? `scrolled back ${back}`
        : 'following',
  ];
  if (follow) parts.push(follow);
  const fresh = view.paused && view.pausedAt !== undefined ? totalReceived - view.pausedAt : 0;
  if (fresh > 0) parts.push(`${int(fresh)} new`);
  if (view.filter) parts.push(`filter: ${view.filter}`);
  if (view.errorsOnly) parts.push('errors only');
  parts.push(`${int(shown)} lines`);
  return parts.join(' · ');
}

/**
 * Newest at the bottom. The cursor is the line `view.scrollBack` above the newest, and the window
 * moves only when the cursor would leave it. Only the rows on screen are formatted, and each
 * message is cut to the width first, so the cost is the pane's height, never the buffer's size or
 * a line's length.
 */
export function LogsPane({ lines, width, height, view, totalReceived, error, follow, pollMs, mark }: LogsPaneProps) {
  const rows = Math.max(0, height - 1);
  const cursor = Math.max(0, Math.min(Math.floor(view.scrollBack), lines.length - 1));
  // Counted back from the newest line, so arriving lines (paused or not) do not move a still window.
  const windowBack = useKeptInView(cursor, lines.length, rows, cursor);
  const { from, to } = visibleWindow(lines.length, rows, windowBack);
  const status = (
    <>
      <Text color={view.paused || cursor > 0 ? theme.warn : theme.accent}>
        {mark ? ' ' : ''}
        {statusText(view, cursor, lines.length, totalReceived, followText(follow, pollMs))}
      </Text>
      {error && <Text color={theme.warn}>{` · error: ${firstLine(error)}`}</Text>}
    </>
  );
  const textWidth = mark ? width - 1 : width;
  const body: ReactNode[] = [];
  for (let i = from; i < to; i++) {
    const e = lines[i]!;
    const prefix = `${hms(e.timestamp)} ${shortStream(e.stream).padEnd(8)} ${levelTag(e)}`;
    const row = <Text color={lineColor(e)}>{prefix + truncate(e.message, textWidth - prefix.length)}</Text>;
    body.push(mark ? <CursorRow mark={mark} selected={i === lines.length - 1 - cursor} row={row} /> : row);
  }
  if (lines.length === 0) {
    body.push(<Text color={theme.dim}>{view.filter || view.errorsOnly ? 'no lines match' : 'no log lines yet'}</Text>);
  }
  return <Rows rows={[status, ...body]} width={width} height={height} />;
}
