import { Text } from 'ink';
import type { ReactNode } from 'react';
import { refKey, type Deployment, type ServiceDeploymentInfo, type ServiceSnapshot } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { age } from '../format.js';
import { Rows, placeholder } from '../Rows.js';
import { glyphs, rolloutColor, theme } from '../theme.js';

export interface RolloutPaneProps {
  service: Slice<ServiceSnapshot>;
  now: number;
  width: number;
  height: number;
  ascii?: boolean;
}

/** `[██████░░░░]`: filled cells are running tasks out of desired. */
export function progressBar(done: number, total: number, cells: number, ascii: boolean): string {
  const g = glyphs(ascii);
  const n = Math.max(0, cells);
  const full = total > 0 ? Math.min(n, Math.round((Math.max(0, done) / total) * n)) : 0;
  return `[${g.barFull.repeat(full)}${g.barEmpty.repeat(n - full)}]`;
}

const sdColor = (s: ServiceDeploymentInfo['status']): string | undefined =>
  s.startsWith('ROLLBACK') || s === 'STOPPED' ? theme.bad : s === 'SUCCESSFUL' ? theme.ok : theme.accent;

/** The service deployment that targets the primary revision; ECS lists newest first. */
const serviceDeploymentOf = (s: ServiceSnapshot, d: Deployment): ServiceDeploymentInfo | undefined =>
  s.serviceDeployments.find((sd) => refKey(sd.targetRevision) === refKey(d.taskDefinition)) ?? s.serviceDeployments[0];

/** When the current state began: a finished deployment at its end, a running one at its start. */
const stateSince = (d: Deployment, sd?: ServiceDeploymentInfo): number =>
  sd?.finishedAt ?? (d.rolloutState === 'IN_PROGRESS' ? d.createdAt : d.updatedAt);

/** The primary deployment and, where ECS reports them, its service deployment's lifecycle. */
function primaryOf(s: ServiceSnapshot | undefined): { primary: Deployment; sd?: ServiceDeploymentInfo } | undefined {
  const primary = s?.deployments.find((d) => d.status === 'PRIMARY');
  if (!s || !primary) return undefined;
  return { primary, sd: s.serviceDeploymentsAvailable ? serviceDeploymentOf(s, primary) : undefined };
}

/** The instant whose age the pane shows: since when the primary deployment is in its state (see useAgesClock). */
export function rolloutTimes(s: ServiceSnapshot | undefined): number[] {
  const p = primaryOf(s);
  return p ? [stateSince(p.primary, p.sd)] : [];
}

function lifecycleRows(sd: ServiceDeploymentInfo): ReactNode[] {
  const rows: ReactNode[] = [];
  const cb = sd.circuitBreaker;
  if (cb) {
    rows.push(
      <>
        breaker {cb.status}{' '}
        <Text
          color={cb.failureCount > 0 ? theme.warn : undefined}
        >{`${cb.failureCount}/${cb.threshold} failures`}</Text>
      </>,
    );
  }
  const al = sd.alarms;
  if (al) {
    const fired = al.triggeredAlarmNames;
    rows.push(`alarms ${al.status}: ${al.alarmNames.join(', ') || 'none'}`);
    if (fired.length) rows.push(<Text color={theme.bad}>{`! triggered: ${fired.join(', ')}`}</Text>);
  }
  if (sd.statusReason) rows.push(<Text color={theme.dim}>{sd.statusReason}</Text>);
  return rows;
}

/** Progress of the newest deployment and what ECS says about its lifecycle and safety nets. */
export function RolloutPane({ service, now, width, height, ascii = false }: RolloutPaneProps) {
  const empty = placeholder(service);
  const s = service.data;
  const p = primaryOf(s);
  if (empty !== undefined || !s || !p) {
    return <Rows rows={[empty ?? 'no deployment']} width={width} height={height} />;
  }
  const { primary, sd } = p;
  const draining = s.deployments.filter((d) => d !== primary).reduce((n, d) => n + d.running, 0);
  const tail = ` ${primary.running}/${primary.desired} new`;
  const head = `${refKey(primary.taskDefinition)} `;
  const cells = Math.max(4, Math.min(30, width - head.length - tail.length - 2));
  const rows: ReactNode[] = [
    <>
      {head}
      <Text color={rolloutColor(primary.rolloutState)}>
        {progressBar(primary.running, primary.desired, cells, ascii)}
      </Text>
      {tail}
    </>,
    draining > 0 ? (
      <Text color={theme.warn}>{`old ${draining} draining`}</Text>
    ) : (
      <Text color={theme.dim}>no old tasks</Text>
    ),
    <>
      <Text color={rolloutColor(primary.rolloutState)}>{primary.rolloutState ?? 'no rollout state'}</Text>
      {sd && sd.status !== primary.rolloutState && (
        <>
          {' · '}
          <Text color={sdColor(sd.status)}>{sd.status}</Text>
        </>
      )}
      {sd?.lifecycleStage ? ` · stage ${sd.lifecycleStage}` : ''}
      {` · for ${age(now - stateSince(primary, sd))}`}
    </>,
  ];
  if (primary.rolloutState === 'FAILED' && primary.rolloutStateReason) {
    rows.push(<Text color={theme.bad}>{primary.rolloutStateReason}</Text>);
  }
  if (!s.serviceDeploymentsAvailable) {
    rows.push(<Text color={theme.dim}>service-deployment API unavailable: from DescribeServices</Text>);
  } else if (sd) rows.push(...lifecycleRows(sd));
  return <Rows rows={rows} width={width} height={height} />;
}
