import { AlarmsPane, alarmsTimes } from '../panes/AlarmsPane.js';
import { cursorIndex, sortAlarms } from '../rowItems.js';
import { useAppState, useSliceView } from '../StoreContext.js';
import { useCursorMark } from '../useCursorMark.js';
import { useAgesClock } from '../useNow.js';
import type { PaneArea } from './PaneArea.js';

export function AlarmsContainer(p: PaneArea) {
  const alarms = useSliceView('alarms');
  const transitions = useAppState((s) => s.alarmTransitions);
  const cursor = useAppState((s) => s.ui.cursor.alarms);
  const mark = useCursorMark('alarms', p.ascii);
  const now = useAgesClock(alarmsTimes(alarms.data));
  const at = cursorIndex(
    cursor,
    sortAlarms(alarms.data ?? []).map((a) => a.name),
  );
  return (
    <AlarmsPane
      alarms={alarms}
      transitions={transitions}
      now={now}
      width={p.width}
      height={p.height}
      cursor={at}
      mark={mark}
    />
  );
}
