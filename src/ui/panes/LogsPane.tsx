import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { LogEvent } from '../../domain/model.js';
import type { LogView } from '../../app/state.js';
import type { LogFollow } from '../../domain/backend.js';
import { num } from '../../domain/units.js';
import { firstLine, hms, int, levelTag, truncate } from '../format.js';
import { Rows } from '../Rows.js';
import { theme } from '../theme.js';

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
}

/** `ecs/web/0f3c…` → `0f3c1a2b`: the task id is what tells streams apart. */
export const shortStream = (stream: string): string =>
  stream.slice(stream.lastIndexOf('/') + 1, stream.lastIndexOf('/') + 9);

const lineColor = (e: LogEvent): string | undefined =>
  e.level === 'ERROR' || e.message.includes('PANIC') ? theme.bad : e.level === 'WARN' ? theme.warn : undefined;

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
 * Newest at the bottom. Only the rows on screen are formatted, and each message is cut to the
 * width first, so the cost is the pane's height, never the buffer's size or a line's length.
 */
export function LogsPane({ lines, width, height, view, totalReceived, error, follow, pollMs }: LogsPaneProps) {
  const rows = Math.max(0, height - 1);
  const { from, to, back } = visibleWindow(lines.length, rows, view.scrollBack);
  const status = (
    <>
      <Text color={view.paused || back > 0 ? theme.warn : theme.accent}>
        {statusText(view, back, lines.length, totalReceived, followText(follow, pollMs))}
      </Text>
      {error && <Text color={theme.warn}>{` · error: ${firstLine(error)}`}</Text>}
    </>
  );
  const body: ReactNode[] = [];
  for (let i = from; i < to; i++) {
    const e = lines[i]!;
    const prefix = `${hms(e.timestamp)} ${shortStream(e.stream).padEnd(8)} ${levelTag(e)}`;
    body.push(<Text color={lineColor(e)}>{prefix + truncate(e.message, width - prefix.length)}</Text>);
  }
  if (lines.length === 0) {
    body.push(<Text color={theme.dim}>{view.filter || view.errorsOnly ? 'no lines match' : 'no log lines yet'}</Text>);
  }
  return <Rows rows={[status, ...body]} width={width} height={height} />;
}
