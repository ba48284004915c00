import { Text } from 'ink';
import type { ReactNode } from 'react';
import { glyphs } from './theme.js';

/** How a pane draws its row cursor: the marker when focused (a blurred pane keeps the column blank). */
export interface CursorMark {
  focused: boolean;
  ascii: boolean;
}

/**
 * A row behind a one-column gutter: the marker on the selected row of the focused pane, else a space,
 * so rows never shift as focus moves. The marker is a glyph, not only a colour: NO_COLOR terminals see it.
 */
export function CursorRow({ mark, selected, row }: { mark: CursorMark; selected: boolean; row: ReactNode }) {
  const on = selected && mark.focused;
  return (
    <Text inverse={on}>
      {on ? glyphs(mark.ascii).marker : ' '}
      {row}
    </Text>
  );
}
