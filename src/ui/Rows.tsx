import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Slice } from '../app/state.js';
import { firstLine } from './format.js';

export interface RowsProps {
  /** One entry per terminal row: a string or inline <Text> fragments, never containing '\n'. */
  rows: readonly ReactNode[];
  width: number;
  height: number;
}

/**
 * The one place pane content meets the terminal: at most `height` rows, each truncated to `width`,
 * in a fixed box, so no pane can push the layout around whatever its data looks like.
 */
export function Rows({ rows, width, height }: RowsProps) {
  const h = Math.max(0, height);
  return (
    <Box flexDirection="column" width={Math.max(0, width)} height={h} overflow="hidden">
      {rows.slice(0, h).map((row, i) => (
        // An empty Text measures zero rows high and would pull the following rows up.
        <Text key={i} wrap="truncate-end">
          {row === '' || row == null ? ' ' : row}
        </Text>
      ))}
    </Box>
  );
}

/** Scroll offset clamped so the last page is full and never negative. */
export const clampScroll = (scroll: number, total: number, height: number): number =>
  Math.max(0, Math.min(Math.floor(scroll), total - Math.max(0, height)));

/** The single line a pane shows instead of content when a slice has no data yet. */
export function placeholder(slice: Slice<unknown>): string | undefined {
  if (slice.data !== undefined) return undefined;
  if (slice.error) return `error: ${firstLine(slice.error)}`;
  return 'loading…';
}
