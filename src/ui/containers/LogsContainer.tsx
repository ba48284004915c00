import React from 'react';
import { visibleLogLines } from '../../app/logView.js';
import { useAppEnv } from '../AppEnv.js';
import { LogsPane } from '../panes/LogsPane.js';
import { useAppState } from '../StoreContext.js';
import { useCursorMark } from '../useCursorMark.js';
import type { PaneArea } from './PaneArea.js';

export function LogsContainer(p: PaneArea) {
  // Not the whole logs slice: its updatedAt moves on every empty poll, which must not redraw the pane.
  const buffer = useAppState((s) => s.logs.lines);
  const received = useAppState((s) => s.logs.received);
  const error = useAppState((s) => s.logs.error);
  const view = useAppState((s) => s.logView);
  const follow = useAppState((s) => s.logs.follow);
  const { intervals } = useAppEnv();
  const mark = useCursorMark('logs', p.ascii);
  const lines = React.useMemo(() => visibleLogLines({ lines: buffer, received }, view), [buffer, received, view]);
  return (
    <LogsPane
      lines={lines}
      width={p.width}
      height={p.height}
      view={view}
      totalReceived={received}
      error={error}
      follow={follow}
      pollMs={intervals.logs}
      mark={mark}
    />
  );
}
