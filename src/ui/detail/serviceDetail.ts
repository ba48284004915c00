// The Deployments pane's rows in full: a deployment, a service event, a stopped task.
import type { Target } from '../../domain/backend.js';
import {
  refKey,
  type Deployment,
  type ServiceDeploymentInfo,
  type ServiceEvent,
  type ServiceSnapshot,
  type StoppedTask,
} from '../../domain/model.js';
import {
  byIdQuery,
  describeServicesCommand,
  describeTaskDefinitionCommand,
  describeTasksCommand,
  serviceUrl,
  taskId,
  taskUrl,
} from './awsLinks.js';
import type { DetailBlock, DetailContent } from './content.js';
import { when } from './when.js';

export interface ServiceDetailContext {
  target: Target;
  /** T+0; undefined until the release is known. */
  t0?: number;
}

const serviceLink = (t: Target): DetailBlock => ({
  kind: 'url',
  what: 'the service in the console',
  url: serviceUrl(t),
});

/** A service event: when, and its message whole (the pane drops the `(service …)` it starts with). */
export function eventDetail(e: ServiceEvent, ctx: ServiceDetailContext): DetailContent {
  return {
    title: `Service event · ${when(e.createdAt, ctx.t0)}`,
    blocks: [
      { kind: 'field', label: 'at', value: when(e.createdAt, ctx.t0) },
      { kind: 'field', label: 'message', value: e.message },
      { kind: 'field', label: 'event id', value: e.id, tone: 'dim' },
      { kind: 'heading', text: 'At the source' },
      {
        kind: 'command',
        what: 'this event',
        argv: describeServicesCommand(ctx.target, byIdQuery('events', e.id)),
      },
      serviceLink(ctx.target),
    ],
  };
}

/** A stopped task: which, why whole, when. */
export function taskDetail(t: StoppedTask, ctx: ServiceDetailContext): DetailContent {
  const id = taskId(t.taskArn);
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'task', value: id },
    { kind: 'field', label: 'revision', value: refKey(t.taskDefinition) },
  ];
  if (t.stopCode) blocks.push({ kind: 'field', label: 'stop code', value: t.stopCode, tone: 'bad' });
  blocks.push(
    { kind: 'field', label: 'reason', value: t.stoppedReason, tone: 'bad' },
    { kind: 'field', label: 'stopped', value: when(t.stoppedAt, ctx.t0) },
    { kind: 'field', label: 'arn', value: t.taskArn, tone: 'dim' },
    { kind: 'heading', text: 'At the source' },
    // ECS forgets a stopped task about an hour after it stopped: said, so an empty answer is no surprise.
    {
      kind: 'command',
      what: 'the task (ECS keeps stopped tasks for about an hour)',
      argv: describeTasksCommand(id, ctx.target),
    },
    { kind: 'url', what: 'the task in the console', url: taskUrl(id, ctx.target) },
  );
  return { title: `Stopped task ${id} · ${refKey(t.taskDefinition)}`, blocks };
}

function lifecycleBlocks(sd: ServiceDeploymentInfo): DetailBlock[] {
  const blocks: DetailBlock[] = [
    {
      kind: 'field',
      label: 'ECS says',
      value: [sd.status, sd.lifecycleStage && `stage ${sd.lifecycleStage}`].filter(Boolean).join(' · '),
    },
  ];
  if (sd.statusReason) blocks.push({ kind: 'field', label: 'why', value: sd.statusReason });
  const cb = sd.circuitBreaker;
  if (cb)
    blocks.push({
      kind: 'field',
      label: 'breaker',
      value: `${cb.status}, ${cb.failureCount} of ${cb.threshold} failures`,
      tone: cb.failureCount > 0 ? 'warn' : undefined,
    });
  const al = sd.alarms;
  if (al) {
    blocks.push({ kind: 'field', label: 'alarms', value: `${al.status}: ${al.alarmNames.join(', ') || 'none'}` });
    if (al.triggeredAlarmNames.length)
      blocks.push({ kind: 'field', label: 'triggered', value: al.triggeredAlarmNames.join(', '), tone: 'bad' });
  }
  return blocks;
}

/** A deployment: its revision and images whole, its task counts, why it is in its rollout state. */
export function deploymentDetail(d: Deployment, s: ServiceSnapshot, ctx: ServiceDetailContext): DetailContent {
  const ref = refKey(d.taskDefinition);
  const containers = s.taskDefinitions[ref]?.containers;
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'status', value: d.status },
    { kind: 'field', label: 'revision', value: ref },
    {
      kind: 'field',
      label: 'images',
      value: containers?.length ? containers.map((c) => `${c.name}: ${c.image}`).join('\n') : d.imageTags.join(', '),
    },
    {
      kind: 'field',
      label: 'tasks',
      value: `desired ${d.desired} · running ${d.running} · pending ${d.pending} · failed ${d.failed}`,
      tone: d.failed > 0 ? 'bad' : undefined,
    },
    {
      kind: 'field',
      label: 'rollout',
      value: [d.rolloutState ?? 'no rollout state', d.rolloutStateReason].filter(Boolean).join(': '),
      tone: d.rolloutState === 'FAILED' ? 'bad' : undefined,
    },
    { kind: 'field', label: 'created', value: when(d.createdAt, ctx.t0) },
    { kind: 'field', label: 'updated', value: when(d.updatedAt, ctx.t0) },
    { kind: 'field', label: 'id', value: d.id, tone: 'dim' },
  ];
  const sd = s.serviceDeploymentsAvailable
    ? s.serviceDeployments.find((x) => refKey(x.targetRevision) === ref)
    : undefined;
  if (sd) blocks.push(...lifecycleBlocks(sd));
  blocks.push(
    { kind: 'heading', text: 'At the source' },
    {
      kind: 'command',
      what: 'this deployment',
      argv: describeServicesCommand(ctx.target, byIdQuery('deployments', d.id)),
    },
    { kind: 'command', what: 'its task definition', argv: describeTaskDefinitionCommand(d.taskDefinition, ctx.target) },
    serviceLink(ctx.target),
  );
  return { title: `Deployment ${ref} · ${d.status}`, blocks };
}
