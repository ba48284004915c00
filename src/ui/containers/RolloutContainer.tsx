import { RolloutPane } from '../panes/RolloutPane.js';
import { useAppState } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function RolloutContainer(p: PaneArea) {
  const service = useAppState((s) => s.service);
  return <RolloutPane service={service} now={p.now} width={p.width} height={p.height} ascii={p.ascii} />;
}
