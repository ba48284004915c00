import { CostPane } from '../panes/CostPane.js';
import { useAppState } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function CostContainer(p: PaneArea) {
  const cost = useAppState((s) => s.cost);
  return <CostPane cost={cost} width={p.width} height={p.height} ascii={p.ascii} />;
}
