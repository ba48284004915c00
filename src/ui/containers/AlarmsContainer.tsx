import { AlarmsPane, alarmsTimes } from '../panes/AlarmsPane.js';
import { useAppState, useSliceView } from '../StoreContext.js';
import { useAgesClock } from '../useNow.js';
import type { PaneArea } from './PaneArea.js';

export function AlarmsContainer(p: PaneArea) {
  const alarms = useSliceView('alarms');
  const transitions = useAppState((s) => s.alarmTransitions);
  const scroll = useAppState((s) => s.ui.scroll.alarms);
  const now = useAgesClock(alarmsTimes(alarms.data));
  return (
    <AlarmsPane alarms={alarms} transitions={transitions} now={now} width={p.width} height={p.height} scroll={scroll} />
  );
}
