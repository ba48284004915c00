import { RolloutPane, rolloutTimes } from '../panes/RolloutPane.js';
import { useSliceView } from '../StoreContext.js';
import { useAgesClock } from '../useNow.js';
import type { PaneArea } from './PaneArea.js';

export function RolloutContainer(p: PaneArea) {
  const service = useSliceView('service');
  const now = useAgesClock(rolloutTimes(service.data));
  return <RolloutPane service={service} now={now} width={p.width} height={p.height} ascii={p.ascii} />;
}
