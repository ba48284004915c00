import { Text } from 'ink';
import { useEffect } from 'react';
import { OverlayFrame } from './OverlayFrame.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import { clock } from '../../domain/releaseClock.js';
import { CursorRow } from '../CursorRow.js';
import { useKeptInView } from '../keepInView.js';
import { visibleWindow } from '../panes/LogsPane.js';
import { theme } from '../theme.js';

export interface TimelineOverlayProps {
  entries: readonly TimelineEntry[];
  /** T+0, for each line's T+ time; undefined until the release is known. */
  t0?: number;
  /** The cursor, in lines above the newest. */
  scroll: number;
  width: number;
  height: number;
  ascii: boolean;
  /** Told the page and the furthest the cursor goes (the oldest line), so ↑ stops at T+0. */
  onLayout?: (page: number, max: number) => void;
}

const TONE = { bad: theme.bad, warn: theme.warn } as const;

/** The newest events at the bottom, like the logs; ↑ goes back towards T+0, Enter opens a line whole. */
export function TimelineOverlay({ entries, t0, scroll, width, height, ascii, onLayout }: TimelineOverlayProps) {
  const rows = Math.max(1, height - 3);
  const cursor = Math.max(0, Math.min(Math.floor(scroll), entries.length - 1));
  const max = Math.max(0, entries.length - 1);
  useEffect(() => onLayout?.(rows, max), [onLayout, rows, max]);
  // Counted back from the newest line, as the cursor is: a new event does not move a still window.
  const back = useKeptInView(cursor, entries.length, rows, cursor);
  const { from, to } = visibleWindow(entries.length, rows, back);
  const mark = { focused: true, ascii };
  return (
    <OverlayFrame width={width} height={height} ascii={ascii}>
      <Text bold wrap="truncate-end">{`Timeline · ${entries.length} events · Esc closes · ↑↓ move · Enter opens`}</Text>
      {entries.length === 0 && <Text color={theme.dim}>nothing recorded yet</Text>}
      {entries.slice(from, to).map((e, i) => (
        <Text key={`${e.at}:${from + i}`} wrap="truncate-end">
          <CursorRow
            mark={mark}
            selected={from + i === entries.length - 1 - cursor}
            row={
              <Text color={e.tone && TONE[e.tone]}>
                <Text color={theme.dim}>{(t0 === undefined ? '' : clock(e.at - t0)).padEnd(9)}</Text>
                {e.text}
              </Text>
            }
          />
        </Text>
      ))}
    </OverlayFrame>
  );
}
