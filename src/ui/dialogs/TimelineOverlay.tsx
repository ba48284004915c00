import { Text } from 'ink';
import { OverlayFrame } from './OverlayFrame.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import { clock } from '../../domain/releaseClock.js';
import { clampScroll } from '../Rows.js';
import { theme } from '../theme.js';

export interface TimelineOverlayProps {
  entries: readonly TimelineEntry[];
  /** T+0, for each line's T+ time; undefined until the release is known. */
  t0?: number;
  /** Rows scrolled back from the newest. */
  scroll: number;
  width: number;
  height: number;
  ascii: boolean;
}

const TONE = { bad: theme.bad, warn: theme.warn } as const;

/** The newest events at the bottom, like the logs; ↑ goes back towards T+0. */
export function TimelineOverlay({ entries, t0, scroll, width, height, ascii }: TimelineOverlayProps) {
  const rows = Math.max(1, height - 3);
  const back = clampScroll(scroll, entries.length, rows);
  const to = entries.length - back;
  const shown = entries.slice(Math.max(0, to - rows), to);
  return (
    <OverlayFrame width={width} height={height} ascii={ascii}>
      <Text bold wrap="truncate-end">{`Timeline · ${entries.length} events · Esc closes · ↑↓ scroll`}</Text>
      {shown.length === 0 && <Text color={theme.dim}>nothing recorded yet</Text>}
      {shown.map((e, i) => (
        <Text key={`${e.at}:${i}`} wrap="truncate-end" color={e.tone && TONE[e.tone]}>
          <Text color={theme.dim}>{(t0 === undefined ? '' : clock(e.at - t0)).padEnd(9)}</Text>
          {e.text}
        </Text>
      ))}
    </OverlayFrame>
  );
}
