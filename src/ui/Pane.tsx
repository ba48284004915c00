import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { truncate } from './format.js';
import { borderStyle, glyphs, theme } from './theme.js';

export interface PaneProps {
  title: string;
  /** The number key that focuses this pane. */
  index: number;
  focused: boolean;
  /** Outer size, border included. */
  width: number;
  height: number;
  ascii: boolean;
  /** Shown as ` stale <text>` on the title line, e.g. `45s: Rate exceeded` (app/selectors stalenessText). */
  stale?: string;
  children?: ReactNode;
}

/** The rows and columns a pane of this outer size leaves to its content. */
export const innerSize = (width: number, height: number): { width: number; height: number } => ({
  width: Math.max(0, width - 2),
  height: Math.max(0, height - 2),
});

/**
 * A bordered box of exactly width x height. Ink cannot put text on a border, so the top border is
 * drawn here as a line of text and the Box draws the other three sides.
 */
export function Pane({ title, index, focused, width, height, ascii, stale, children }: PaneProps) {
  const g = glyphs(ascii);
  const color = focused ? theme.focus : theme.dim;
  const between = Math.max(0, width - 2);
  // The marker replaces the first dash so focus reads without colour and the title never shifts.
  const head = truncate(`${focused ? g.marker : g.horizontal} [${index}] ${title} `, between);
  const staleRoom = between - head.length;
  const staleSeg = stale && staleRoom > 7 ? `${truncate(`stale ${stale}`, staleRoom - 1)} ` : '';
  const fill = g.horizontal.repeat(Math.max(0, between - head.length - staleSeg.length));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end" color={color}>
        {g.topLeft}
        <Text bold={focused}>{head}</Text>
        {staleSeg && <Text color={theme.warn}>{staleSeg}</Text>}
        {fill}
        {g.topRight}
      </Text>
      <Box
        flexDirection="column"
        borderStyle={borderStyle(ascii)}
        borderTop={false}
        borderColor={color}
        width={width}
        height={Math.max(0, height - 1)}
        overflow="hidden"
      >
        {/* Without flexShrink 0, Yoga squeezes overlong content row by row instead of clipping it. */}
        <Box flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}
