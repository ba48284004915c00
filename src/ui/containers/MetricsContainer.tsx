import { MetricsPane } from '../panes/MetricsPane.js';
import { useSliceView } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function MetricsContainer(p: PaneArea) {
  const metrics = useSliceView('metrics');
  return <MetricsPane metrics={metrics} width={p.width} height={p.height} ascii={p.ascii} />;
}
