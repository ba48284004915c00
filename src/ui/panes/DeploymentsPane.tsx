import { Text } from 'ink';
import type { ReactNode } from 'react';
import { refKey, type Deployment, type ServiceSnapshot } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { age, ago, fit } from '../format.js';
import { Rows, clampScroll, placeholder } from '../Rows.js';
import { rolloutColor, theme } from '../theme.js';

export interface DeploymentsPaneProps {
  service: Slice<ServiceSnapshot>;
  now: number;
  width: number;
  height: number;
  scroll: number;
}

// ECS keeps 100 events; a pane never shows more than a screenful, so building more rows is waste.
const MAX_EVENTS = 20;
const MAX_STOPPED = 10;

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

function deploymentRows(ds: Deployment[], now: number): ReactNode[] {
  const refW = Math.max(...ds.map((d) => refKey(d.taskDefinition).length));
  const tagW = Math.min(20, Math.max(5, ...ds.map((d) => tagsOf(d).length)));
  const rows: ReactNode[] = [
    <Text
      color={theme.dim}
    >{`${fit('STATUS', 8)} ${fit('REV', refW)} ${fit('IMAGE', tagW)} ${fit('D/R/P F', 9)} ${fit('STATE', 11)} AGE`}</Text>,
  ];
  for (const d of ds) {
    rows.push(
      <>
        <Text bold={d.status === 'PRIMARY'}>{fit(d.status, 8)}</Text> {fit(refKey(d.taskDefinition), refW)}{' '}
        {fit(tagsOf(d), tagW)} <Text color={d.failed > 0 ? theme.bad : undefined}>{fit(counts(d), 9)}</Text>{' '}
        <Text color={rolloutColor(d.rolloutState)}>{fit(d.rolloutState ?? '-', 11)}</Text>{' '}
        <Text color={theme.dim}>{age(now - d.createdAt)}</Text>
      </>,
    );
    if (d.rolloutState === 'FAILED' && d.rolloutStateReason) {
      rows.push(<Text color={theme.bad}>{`  ↳ ${d.rolloutStateReason}`}</Text>);
    }
  }
  return rows;
}

// "(service web) has reached a steady state." — the service name is already in the header.
const stripServicePrefix = (m: string): string => m.replace(/^\(service [^)]*\) /, '');

/** Every deployment, then the newest service events and stopped tasks, scrolled as one list. */
export function DeploymentsPane({ service, now, width, height, scroll }: DeploymentsPaneProps) {
  const empty = placeholder(service);
  const s = service.data;
  if (empty !== undefined || !s) return <Rows rows={[empty]} width={width} height={height} />;
  const rows = s.deployments.length ? deploymentRows(s.deployments, now) : ['no deployments'];
  // What the adapter could not read: the on-call must know a list below may be incomplete, and why.
  for (const note of s.notes ?? []) rows.push(<Text color={theme.warn}>{`! ${note}`}</Text>);
  rows.push('', <Text bold>Events</Text>);
  if (s.events.length === 0) rows.push(<Text color={theme.dim}>none</Text>);
  for (const e of s.events.slice(0, MAX_EVENTS)) {
    rows.push(
      <>
        <Text color={theme.dim}>{fit(ago(e.createdAt, now), 10)}</Text> {stripServicePrefix(e.message)}
      </>,
    );
  }
  rows.push('', <Text bold>Stopped tasks</Text>);
  if (s.stoppedTasks.length === 0) rows.push(<Text color={theme.dim}>none</Text>);
  for (const t of s.stoppedTasks.slice(0, MAX_STOPPED)) {
    rows.push(
      <>
        <Text color={theme.dim}>{fit(ago(t.stoppedAt, now), 10)}</Text> {refKey(t.taskDefinition)}{' '}
        <Text color={theme.bad}>{t.stoppedReason}</Text>
        {t.stopCode ? ` (${t.stopCode})` : ''}
      </>,
    );
  }
  const from = clampScroll(scroll, rows.length, height);
  return <Rows rows={rows.slice(from)} width={width} height={height} />;
}
