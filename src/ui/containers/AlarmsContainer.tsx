import { AlarmsPane } from '../panes/AlarmsPane.js';
import { useAppState } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function AlarmsContainer(p: PaneArea) {
  const alarms = useAppState((s) => s.alarms);
  const transitions = useAppState((s) => s.alarmTransitions);
  const scroll = useAppState((s) => s.ui.scroll.alarms);
  return (
    <AlarmsPane
      alarms={alarms}
      transitions={transitions}
      now={p.now}
      width={p.width}
      height={p.height}
      scroll={scroll}
    />
  );
}
