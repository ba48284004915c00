import { Box } from 'ink';
import type { ReactNode } from 'react';
import { borderStyle, theme } from '../theme.js';

/** The frame every full-body overlay shares: bordered, sized to the body, clipped. */
export function OverlayFrame(p: {
  width: number;
  height: number;
  ascii: boolean;
  color?: string;
  children: ReactNode;
}) {
  return (
    <Box
      flexDirection="column"
      borderStyle={borderStyle(p.ascii)}
      borderColor={p.color ?? theme.accent}
      width={p.width}
      height={p.height}
      paddingX={1}
      overflow="hidden"
    >
      {p.children}
    </Box>
  );
}
