import { Box } from 'ink';
import type { ReactNode } from 'react';
import { borderStyle, theme } from '../theme.js';

/** The frame every full-body overlay shares: bordered, sized to the body, clipped. */
export function OverlayFrame(p: {
  width: number;
  height: number;
  ascii: boolean;
  color?: string;
  /**
   * Borders left and right (default). Without them a row's text starts at the first column and
   * nothing but text is on it, so a mouse selection across rows copies only that text.
   */
  sides?: boolean;
  children: ReactNode;
}) {
  const sides = p.sides ?? true;
  return (
    <Box
      flexDirection="column"
      borderStyle={borderStyle(p.ascii)}
      borderColor={p.color ?? theme.accent}
      borderLeft={sides}
      borderRight={sides}
      width={p.width}
      height={p.height}
      paddingX={sides ? 1 : 0}
      overflow="hidden"
    >
      {p.children}
    </Box>
  );
}
