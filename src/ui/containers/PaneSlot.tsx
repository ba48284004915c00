// A framed pane wired to its container; each container subscribes to its own slice, so a log batch
// re-renders Logs and nothing else.
import React from 'react';
import { staleness, stalenessText } from '../../app/selectors.js';
import { PANE_TITLES, PANES, type PaneId, type Slice } from '../../app/state.js';
import { useAppEnv } from '../AppEnv.js';
import { innerSize, Pane } from '../Pane.js';
import { useStoreApi, useAppState } from '../StoreContext.js';
import { useClockView } from '../useNow.js';
import { AlarmsContainer } from './AlarmsContainer.js';
import { ChecklistContainer } from './ChecklistContainer.js';
import { CostContainer } from './CostContainer.js';
import { DeploymentsContainer } from './DeploymentsContainer.js';
import { LogsContainer } from './LogsContainer.js';
import { MetricsContainer } from './MetricsContainer.js';
import type { PaneArea } from './PaneArea.js';
import { RolloutContainer } from './RolloutContainer.js';

interface SlotProps {
  id: PaneId;
  width: number;
  height: number;
}

const CONTAINER: Record<PaneId, (p: PaneArea) => React.ReactElement> = {
  deployments: DeploymentsContainer,
  rollout: RolloutContainer,
  alarms: AlarmsContainer,
  metrics: MetricsContainer,
  cost: CostContainer,
  logs: LogsContainer,
  checklist: ChecklistContainer,
};

const SOURCE_OF: Record<PaneId, 'service' | 'alarms' | 'metrics' | 'cost' | 'logs' | undefined> = {
  deployments: 'service',
  rollout: 'service',
  alarms: 'alarms',
  metrics: 'metrics',
  cost: 'cost',
  logs: 'logs',
  checklist: undefined,
};

function stale(slice: Pick<Slice<unknown>, 'updatedAt' | 'error'>, intervalMs: number): string | undefined {
  const st = staleness(slice, intervalMs, Date.now());
  return st && stalenessText(st);
}

/** One framed pane wired to its slice; memoised so a parent re-render with equal props costs nothing. */
export const PaneSlot = React.memo(function PaneSlot({ id, width, height }: SlotProps) {
  const { ascii, intervals } = useAppEnv();
  const focused = useAppState((s) => s.ui.focus === id);
  const source = SOURCE_OF[id];
  // Staleness is read on the clock tick, not subscribed to: a log batch must not redraw every frame,
  // and the pane redraws only when the text changes, not every second.
  const store = useStoreApi();
  const staleOf = () => (source ? stale(store.getState()[source], intervals[source]) : undefined);
  useClockView(staleOf);
  const staleText = staleOf();
  const inner = innerSize(width, height);
  const Container = CONTAINER[id];
  return (
    <Pane
      title={PANE_TITLES[id]}
      index={PANES.indexOf(id) + 1}
      focused={focused}
      width={width}
      height={height}
      ascii={ascii}
      stale={staleText}
    >
      <Container width={inner.width} height={inner.height} ascii={ascii} />
    </Pane>
  );
});
