import { ChecklistPane } from '../panes/ChecklistPane.js';
import { useAppState } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function ChecklistContainer(p: PaneArea) {
  const checklist = useAppState((s) => s.checklist);
  const selected = useAppState((s) => s.ui.checklistSelected);
  return (
    <ChecklistPane
      steps={checklist.steps}
      results={checklist.results}
      selected={selected}
      now={p.now}
      width={p.width}
      height={p.height}
    />
  );
}
