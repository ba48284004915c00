import { DeploymentsPane, deploymentsTimes } from '../panes/DeploymentsPane.js';
import { useAppState, useSliceView } from '../StoreContext.js';
import { useAgesClock } from '../useNow.js';
import type { PaneArea } from './PaneArea.js';

export function DeploymentsContainer(p: PaneArea) {
  const service = useSliceView('service');
  const scroll = useAppState((s) => s.ui.scroll.deployments);
  const now = useAgesClock(deploymentsTimes(service.data));
  return <DeploymentsPane service={service} now={now} width={p.width} height={p.height} scroll={scroll} />;
}
