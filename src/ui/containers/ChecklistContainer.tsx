import { ChecklistPane, runningTimes } from '../panes/ChecklistPane.js';
import { useClockView } from '../useNow.js';
import { useAppState } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function ChecklistContainer(p: PaneArea) {
  const checklist = useAppState((s) => s.checklist);
  const selected = useAppState((s) => s.ui.checklistSelected);
  const now = useClockView((t) => runningTimes(checklist.results, t));
  return (
    <ChecklistPane
      steps={checklist.steps}
      results={checklist.results}
      selected={selected}
      now={now}
      width={p.width}
      height={p.height}
    />
  );
}
