import { CostPane } from '../panes/CostPane.js';
import { useSliceView } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function CostContainer(p: PaneArea) {
  const cost = useSliceView('cost');
  return <CostPane cost={cost} width={p.width} height={p.height} ascii={p.ascii} />;
}
