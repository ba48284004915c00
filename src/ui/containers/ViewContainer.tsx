import { useMemo } from 'react';
import type { ViewId } from '../../app/state.js';
import { useAppEnv } from '../AppEnv.js';
import { ListOverlay } from '../dialogs/ListOverlay.js';
import { cursorIndex } from '../rowItems.js';
import { useAppState } from '../StoreContext.js';
import { useNow } from '../useNow.js';
import { useViewSources } from '../views/useViewSources.js';
import { VIEW_TITLE, viewRows } from '../views/views.js';

/** The open list view (verdict, error signatures, tasks), its cursor kept on its row by key. */
export function ViewContainer({ view, width, height }: { view: ViewId; width: number; height: number }) {
  const { ascii } = useAppEnv();
  const now = useNow();
  const src = useViewSources();
  const cursor = useAppState((s) => s.ui.cursor[view]);
  const rows = useMemo(() => viewRows(view, src, now), [view, src, now]);
  const keys = rows.flatMap((r) => (r.key ? [r.key] : []));
  const selected = keys[cursorIndex(cursor, keys)];
  return (
    <ListOverlay title={VIEW_TITLE[view]} rows={rows} selected={selected} width={width} height={height} ascii={ascii} />
  );
}
