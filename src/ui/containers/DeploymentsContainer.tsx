import { DeploymentsPane, deploymentsTimes } from '../panes/DeploymentsPane.js';
import { cursorIndex, deploymentItems } from '../rowItems.js';
import { useAppState, useSliceView } from '../StoreContext.js';
import { useCursorMark } from '../useCursorMark.js';
import { useAgesClock } from '../useNow.js';
import type { PaneArea } from './PaneArea.js';

export function DeploymentsContainer(p: PaneArea) {
  const service = useSliceView('service');
  const cursor = useAppState((s) => s.ui.cursor.deployments);
  const mark = useCursorMark('deployments', p.ascii);
  const now = useAgesClock(deploymentsTimes(service.data));
  const at = cursorIndex(cursor, deploymentItems(service.data));
  return <DeploymentsPane service={service} now={now} width={p.width} height={p.height} cursor={at} mark={mark} />;
}
