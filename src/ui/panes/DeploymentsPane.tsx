import { Text } from 'ink';
import type { ReactNode } from 'react';
import { refKey, type Deployment, type ServiceSnapshot } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { age, ago, fit } from '../format.js';
import { CursorRow, type CursorMark } from '../CursorRow.js';
import { useKeptInView } from '../keepInView.js';
import { Rows, placeholder } from '../Rows.js';
import { MAX_EVENTS, MAX_STOPPED, deploymentItems, rowKey } from '../rowItems.js';
import { rolloutColor, theme } from '../theme.js';

export interface DeploymentsPaneProps {
  service: Slice<ServiceSnapshot>;
  now: number;
  width: number;
  height: number;
  /** Index of the selected row among those that open (rowItems.ts deploymentItems); the pane scrolls to keep it in view. */
  cursor: number;
  /** How the cursor is drawn; without it, no cursor column. */
  mark?: CursorMark;
}

/** The instants whose ages the pane shows: it redraws on the clock only when one of those ages reads differently. */
export const deploymentsTimes = (s: ServiceSnapshot | undefined): number[] =>
  s
    ? [
        ...s.deployments.map((d) => d.createdAt),
        ...s.events.slice(0, MAX_EVENTS).map((e) => e.createdAt),
        ...s.stoppedTasks.slice(0, MAX_STOPPED).map((t) => t.stoppedAt),
      ]
    : [];

/** `3/2/1 f0`: desired/running/pending, failed. */
export const counts = (d: Pick<Deployment, 'desired' | 'running' | 'pending' | 'failed'>): string =>
  `${d.desired}/${d.running}/${d.pending} f${d.failed}`;

const tagsOf = (d: Deployment): string => [...new Set(d.imageTags)].join(',') || '-';

/** A pane row, and the key of the item it is the first row of (rowItems.ts), if it opens. */
interface Row {
  node: ReactNode;
  key?: string;
}

function deploymentRows(ds: Deployment[], now: number): Row[] {
  const refW = Math.max(...ds.map((d) => refKey(d.taskDefinition).length));
  const tagW = Math.min(20, Math.max(5, ...ds.map((d) => tagsOf(d).length)));
  const rows: Row[] = [
    {
      node: (
        <Text
          color={theme.dim}
        >{`${fit('STATUS', 8)} ${fit('REV', refW)} ${fit('IMAGE', tagW)} ${fit('D/R/P F', 9)} ${fit('STATE', 11)} AGE`}</Text>
      ),
    },
  ];
  for (const d of ds) {
    rows.push({
      key: rowKey.deployment(d),
      node: (
        <>
          <Text bold={d.status === 'PRIMARY'}>{fit(d.status, 8)}</Text> {fit(refKey(d.taskDefinition), refW)}{' '}
          {fit(tagsOf(d), tagW)} <Text color={d.failed > 0 ? theme.bad : undefined}>{fit(counts(d), 9)}</Text>{' '}
          <Text color={rolloutColor(d.rolloutState)}>{fit(d.rolloutState ?? '-', 11)}</Text>{' '}
          <Text color={theme.dim}>{age(now - d.createdAt)}</Text>
        </>
      ),
    });
    if (d.rolloutState === 'FAILED' && d.rolloutStateReason) {
      rows.push({ node: <Text color={theme.bad}>{`  ↳ ${d.rolloutStateReason}`}</Text> });
    }
  }
  return rows;
}

// "(service web) has reached a steady state." — the service name is already in the header.
const stripServicePrefix = (m: string): string => m.replace(/^\(service [^)]*\) /, '');

function listRows(s: ServiceSnapshot, now: number): Row[] {
  const rows: Row[] = s.deployments.length ? deploymentRows(s.deployments, now) : [{ node: 'no deployments' }];
  // What the adapter could not read: the on-call must know a list below may be incomplete, and why.
  for (const note of s.notes ?? []) rows.push({ node: <Text color={theme.warn}>{`! ${note}`}</Text> });
  rows.push({ node: '' }, { node: <Text bold>Events</Text> });
  if (s.events.length === 0) rows.push({ node: <Text color={theme.dim}>none</Text> });
  for (const e of s.events.slice(0, MAX_EVENTS)) {
    rows.push({
      key: rowKey.event(e),
      node: (
        <>
          <Text color={theme.dim}>{fit(ago(e.createdAt, now), 10)}</Text> {stripServicePrefix(e.message)}
        </>
      ),
    });
  }
  rows.push({ node: '' }, { node: <Text bold>Stopped tasks</Text> });
  if (s.stoppedTasks.length === 0) rows.push({ node: <Text color={theme.dim}>none</Text> });
  for (const t of s.stoppedTasks.slice(0, MAX_STOPPED)) {
    rows.push({
      key: rowKey.task(t),
      node: (
        <>
          <Text color={theme.dim}>{fit(ago(t.stoppedAt, now), 10)}</Text> {refKey(t.taskDefinition)}{' '}
          <Text color={theme.bad}>{t.stoppedReason}</Text>
          {t.stopCode ? ` (${t.stopCode})` : ''}
        </>
      ),
    });
  }
  return rows;
}

/** Every deployment, then the newest service events and stopped tasks, scrolled as one list under a cursor. */
export function DeploymentsPane({ service, now, width, height, cursor, mark }: DeploymentsPaneProps) {
  const s = service.data;
  const rows = s ? listRows(s, now) : [];
  const items = deploymentItems(s);
  const selected = items[Math.max(0, Math.min(cursor, items.length - 1))];
  const at = Math.max(
    0,
    rows.findIndex((r) => r.key !== undefined && r.key === selected),
  );
  // On the first row that opens, the column heads above it come into view too.
  const from = useKeptInView(selected === items[0] ? 0 : at, rows.length, height, 0);
  const empty = placeholder(service);
  if (empty !== undefined || !s) return <Rows rows={[empty]} width={width} height={height} />;
  const shown = rows.map((r) => (mark ? <CursorRow mark={mark} selected={r.key === selected} row={r.node} /> : r.node));
  return <Rows rows={shown.slice(from)} width={width} height={height} />;
}
