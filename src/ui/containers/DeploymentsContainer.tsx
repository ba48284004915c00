import { DeploymentsPane } from '../panes/DeploymentsPane.js';
import { useAppState } from '../StoreContext.js';
import type { PaneArea } from './PaneArea.js';

export function DeploymentsContainer(p: PaneArea) {
  const service = useAppState((s) => s.service);
  const scroll = useAppState((s) => s.ui.scroll.deployments);
  return <DeploymentsPane service={service} now={p.now} width={p.width} height={p.height} scroll={scroll} />;
}
