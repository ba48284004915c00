// The rows a pane's cursor moves over, by identity, in the order the pane draws them; and the row a
// detail view opens. One list per pane, read by the pane (to draw the cursor), by the keys (to move
// it and to open a row) and by the detail view (to find the row again), so the three cannot disagree.
import { visibleLogLines } from '../app/logView.js';
import type { AppState, PaneId, RowRef } from '../app/state.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type {
  Alarm,
  AlarmState,
  Deployment,
  LogEvent,
  ServiceEvent,
  ServiceSnapshot,
  StoppedTask,
} from '../domain/model.js';

// ECS keeps 100 events; a pane never shows more than a screenful, so building more rows is waste.
export const MAX_EVENTS = 20;
export const MAX_STOPPED = 10;

export const ALARM_ORDER: AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];

/** ALARM first, then INSUFFICIENT_DATA, then OK; the most recent transition first within each. */
export const sortAlarms = (alarms: readonly Alarm[]): Alarm[] =>
  [...alarms].sort(
    (a, b) => ALARM_ORDER.indexOf(a.state) - ALARM_ORDER.indexOf(b.state) || b.stateUpdatedAt - a.stateUpdatedAt,
  );

/** Keys of the Deployments pane's rows: `d:` a deployment, `e:` a service event, `t:` a stopped task. */
export const rowKey = {
  deployment: (d: Pick<Deployment, 'id'>) => `d:${d.id}`,
  event: (e: Pick<ServiceEvent, 'id'>) => `e:${e.id}`,
  task: (t: Pick<StoppedTask, 'taskArn'>) => `t:${t.taskArn}`,
};

/** The Deployments pane's rows that open: every deployment, the newest events, the newest stopped tasks. */
export const deploymentItems = (s: ServiceSnapshot | undefined): string[] =>
  s
    ? [
        ...s.deployments.map(rowKey.deployment),
        ...s.events.slice(0, MAX_EVENTS).map(rowKey.event),
        ...s.stoppedTasks.slice(0, MAX_STOPPED).map(rowKey.task),
      ]
    : [];

/** The rows the cursor of `pane` moves over; empty for panes without one (Logs has its own, see logRowId). */
export function paneItems(s: AppState, pane: PaneId): string[] {
  if (pane === 'alarms') return sortAlarms(s.alarms.data ?? []).map((a) => a.name);
  if (pane === 'deployments') return deploymentItems(s.service.data);
  return [];
}

/** Where the cursor is: on its row when that is still listed, else at its old place, within the list. */
export function cursorIndex(c: { key: string; index: number } | undefined, items: readonly string[]): number {
  const at = c ? items.indexOf(c.key) : -1;
  if (at >= 0) return at;
  return Math.max(0, Math.min(c?.index ?? 0, items.length - 1));
}

/** The timeline's cursor, like the Logs pane's, is that many lines above the newest. */
export const timelineIndex = (length: number, back: number): number => length - 1 - Math.min(back, length - 1);

/** The Logs pane's cursor is its scroll-back: that many visible lines above the newest. */
export function logRowId(s: AppState): string | undefined {
  const lines = visibleLogLines(s.logs, s.logView);
  if (lines.length === 0) return undefined;
  return lines[lines.length - 1 - Math.min(s.logView.scrollBack, lines.length - 1)]!.id;
}

/** The row Enter opens in `pane`: the cursor's row; on Rollout, the deployment it shows. */
export function openableRow(s: AppState, pane: PaneId): RowRef | undefined {
  if (pane === 'logs') {
    const id = logRowId(s);
    return id === undefined ? undefined : { pane, key: id };
  }
  if (pane === 'rollout') {
    const primary = s.service.data?.deployments.find((d) => d.status === 'PRIMARY');
    return primary && { pane, key: rowKey.deployment(primary) };
  }
  const items = paneItems(s, pane);
  if (items.length === 0) return undefined;
  return { pane, key: items[cursorIndex(s.ui.cursor[pane], items)]! };
}

export type DetailRow =
  | { kind: 'alarm'; alarm: Alarm }
  | { kind: 'deployment'; deployment: Deployment; service: ServiceSnapshot }
  | { kind: 'event'; event: ServiceEvent }
  | { kind: 'task'; task: StoppedTask }
  | { kind: 'log'; line: LogEvent }
  | { kind: 'timeline'; entry: TimelineEntry };

/** Where rows are found again: the slices' data (the log lines may be only the one looked for). */
export interface RowSources {
  alarms?: readonly Alarm[];
  service?: ServiceSnapshot;
  lines: readonly LogEvent[];
  timeline?: readonly TimelineEntry[];
}

/** The data a row's key names, found again (a row that has gone is undefined). */
export function findDetailRow(src: RowSources, ref: RowRef): DetailRow | undefined {
  if (ref.pane === 'alarms') {
    const alarm = src.alarms?.find((a) => a.name === ref.key);
    return alarm && { kind: 'alarm', alarm };
  }
  if (ref.pane === 'logs') {
    const line = src.lines.find((e) => e.id === ref.key);
    return line && { kind: 'log', line };
  }
  if (ref.pane === 'timeline') {
    const entry = src.timeline?.[Number(ref.key)];
    return entry && { kind: 'timeline', entry };
  }
  const service = src.service;
  if (!service) return undefined;
  const [kind, id] = [ref.key.slice(0, 2), ref.key.slice(2)];
  if (kind === 'd:') {
    const deployment = service.deployments.find((d) => d.id === id);
    return deployment && { kind: 'deployment', deployment, service };
  }
  if (kind === 'e:') {
    const event = service.events.find((e) => e.id === id);
    return event && { kind: 'event', event };
  }
  const task = service.stoppedTasks.find((t) => t.taskArn === id);
  return task && { kind: 'task', task };
}
