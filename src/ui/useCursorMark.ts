import { useMemo } from 'react';
import type { PaneId } from '../app/state.js';
import type { CursorMark } from './CursorRow.js';
import { useAppState } from './StoreContext.js';

/** How `pane` draws its row cursor now: the marker shows only while the pane has the focus. */
export function useCursorMark(pane: PaneId, ascii: boolean): CursorMark {
  const focused = useAppState((s) => s.ui.focus === pane);
  return useMemo(() => ({ focused, ascii }), [focused, ascii]);
}
