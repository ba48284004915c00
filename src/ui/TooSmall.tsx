import { Box, Text } from 'ink';
import { MIN_COLS, MIN_ROWS } from './layout.js';

export const TooSmall = ({ cols, rows }: { cols: number; rows: number }) => (
  <Box flexDirection="column" width={cols} height={Math.max(1, rows - 1)}>
    <Text wrap="truncate-end">{`terminal too small (need ${MIN_COLS}x${MIN_ROWS}), now ${cols}x${rows}`}</Text>
    <Text wrap="truncate-end">{'enlarge the window or press q to quit'}</Text>
  </Box>
);
