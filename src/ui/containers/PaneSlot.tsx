// Containers: each pane subscribes to its own slice, so a log batch re-renders Logs and nothing else.
import React from 'react';
import { staleness, stalenessText } from '../../app/selectors.js';
import { PANE_TITLES, PANES, type PaneId, type Slice } from '../../app/state.js';
import { useAppEnv } from '../AppEnv.js';
import { innerSize, Pane } from '../Pane.js';
import { AlarmsPane } from '../panes/AlarmsPane.js';
import { ChecklistPane } from '../panes/ChecklistPane.js';
import { CostPane } from '../panes/CostPane.js';
import { DeploymentsPane } from '../panes/DeploymentsPane.js';
import { LogsPane } from '../panes/LogsPane.js';
import { MetricsPane } from '../panes/MetricsPane.js';
import { RolloutPane } from '../panes/RolloutPane.js';
import { useAppState, useStoreApi } from '../StoreContext.js';
import { useNow } from '../useNow.js';
import { visibleLogLines } from '../../app/logView.js';

interface SlotProps {
  id: PaneId;
  width: number;
  height: number;
}

interface Inner {
  width: number;
  height: number;
  now: number;
  ascii: boolean;
}

function stale(slice: Pick<Slice<unknown>, 'updatedAt' | 'error'>, intervalMs: number): string | undefined {
  const st = staleness(slice, intervalMs, Date.now());
  return st && stalenessText(st);
}

function Deployments(p: Inner) {
  const service = useAppState((s) => s.service);
  const scroll = useAppState((s) => s.ui.scroll.deployments);
  return <DeploymentsPane service={service} now={p.now} width={p.width} height={p.height} scroll={scroll} />;
}
function Rollout(p: Inner) {
  const service = useAppState((s) => s.service);
  return <RolloutPane service={service} now={p.now} width={p.width} height={p.height} ascii={p.ascii} />;
}
function Alarms(p: Inner) {
  const alarms = useAppState((s) => s.alarms);
  const transitions = useAppState((s) => s.alarmTransitions);
  const scroll = useAppState((s) => s.ui.scroll.alarms);
  return (
    <AlarmsPane
      alarms={alarms}
      transitions={transitions}
      now={p.now}
      width={p.width}
      height={p.height}
      scroll={scroll}
    />
  );
}
function Metrics(p: Inner) {
  const metrics = useAppState((s) => s.metrics);
  return <MetricsPane metrics={metrics} width={p.width} height={p.height} ascii={p.ascii} />;
}
function Cost(p: Inner) {
  const cost = useAppState((s) => s.cost);
  return <CostPane cost={cost} width={p.width} height={p.height} ascii={p.ascii} />;
}
function Logs(p: Inner) {
  // Not the whole logs slice: its updatedAt moves on every empty poll, which must not redraw the pane.
  const buffer = useAppState((s) => s.logs.lines);
  const received = useAppState((s) => s.logs.received);
  const error = useAppState((s) => s.logs.error);
  const view = useAppState((s) => s.logView);
  const lines = React.useMemo(() => visibleLogLines({ lines: buffer, received }, view), [buffer, received, view]);
  return (
    <LogsPane lines={lines} width={p.width} height={p.height} view={view} totalReceived={received} error={error} />
  );
}
function Checklist(p: Inner) {
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

const CONTENT: Record<PaneId, (p: Inner) => React.ReactElement> = {
  deployments: Deployments,
  rollout: Rollout,
  alarms: Alarms,
  metrics: Metrics,
  cost: Cost,
  logs: Logs,
  checklist: Checklist,
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

/** One framed pane wired to its slice; memoised so a parent re-render with equal props costs nothing. */
export const PaneSlot = React.memo(function PaneSlot({ id, width, height }: SlotProps) {
  const { ascii, controller } = useAppEnv();
  const focused = useAppState((s) => s.ui.focus === id);
  const source = SOURCE_OF[id];
  const now = useNow();
  // Staleness is read on the clock tick, not subscribed to: a log batch must not redraw every frame.
  const store = useStoreApi();
  const staleText = source ? stale(store.getState()[source], controller.intervals[source]) : undefined;
  const inner = innerSize(width, height);
  const Content = CONTENT[id];
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
      <Content width={inner.width} height={inner.height} now={now} ascii={ascii} />
    </Pane>
  );
});
