// A row of the Tasks view in full: a task with every container's exit code and reason, a target
// group with each of its targets, or one target with the load balancer's reason whole.
import type { Target } from '../../domain/backend.js';
import { refKey } from '../../domain/model.js';
import type { TargetGroupHealth, TaskInfo } from '../../domain/tasks.js';
import { describeTargetHealthCommand, describeTasksCommand, taskUrl } from './awsLinks.js';
import type { DetailBlock, DetailContent } from './content.js';
import { stateCounts, targetKey, targetName, type TaskSources } from '../views/taskRows.js';
import { when } from './when.js';

export interface TaskDetailContext {
  target: Target;
  t0?: number;
}

const pct = (v: number | undefined) => (v === undefined ? undefined : `${Math.round(v)}%`);

function containerBlock(c: TaskInfo['containers'][number]): DetailBlock {
  const facts = [c.lastStatus, c.health && `health ${c.health}`, c.exitCode !== undefined && `exit code ${c.exitCode}`];
  const value = [facts.filter(Boolean).join(' · ') || 'no status', c.reason].filter(Boolean).join('\n');
  const bad = (c.exitCode !== undefined && c.exitCode !== 0) || c.health === 'UNHEALTHY';
  return { kind: 'field', label: c.name, value, tone: bad ? 'bad' : undefined };
}

export function taskInfoDetail(t: TaskInfo, ctx: TaskDetailContext): DetailContent {
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'task', value: t.id },
    { kind: 'field', label: 'revision', value: refKey(t.taskDefinition) },
    {
      kind: 'field',
      label: 'status',
      value: `${t.lastStatus}${t.desiredStatus ? ` (desired ${t.desiredStatus})` : ''}`,
    },
    {
      kind: 'field',
      label: 'health',
      value: t.health ?? 'not reported',
      tone: t.health === 'UNHEALTHY' ? 'bad' : undefined,
    },
    { kind: 'field', label: 'zone', value: t.availabilityZone ?? 'unknown' },
  ];
  if (t.startedAt !== undefined) blocks.push({ kind: 'field', label: 'started', value: when(t.startedAt, ctx.t0) });
  if (t.stoppedAt !== undefined)
    blocks.push({ kind: 'field', label: 'stopped', value: when(t.stoppedAt, ctx.t0), tone: 'bad' });
  if (t.stopCode) blocks.push({ kind: 'field', label: 'stop code', value: t.stopCode, tone: 'bad' });
  if (t.stoppedReason) blocks.push({ kind: 'field', label: 'reason', value: t.stoppedReason, tone: 'bad' });
  const use = [pct(t.cpuPct) && `cpu ${pct(t.cpuPct)}`, pct(t.memoryPct) && `memory ${pct(t.memoryPct)}`].filter(
    Boolean,
  );
  if (use.length) blocks.push({ kind: 'field', label: 'using', value: `${use.join(' · ')} of its reservation` });
  blocks.push(
    { kind: 'heading', text: `Containers · ${t.containers.length}` },
    ...t.containers.map(containerBlock),
    { kind: 'field', label: 'arn', value: t.arn, tone: 'dim' },
    { kind: 'heading', text: 'At the source' },
    {
      kind: 'command',
      what: 'the task (ECS keeps stopped tasks for about an hour)',
      argv: describeTasksCommand(t.id, ctx.target),
    },
    { kind: 'url', what: 'the task in the console', url: taskUrl(t.id, ctx.target) },
  );
  return { title: `Task ${t.id.slice(0, 8)} · ${refKey(t.taskDefinition)} · ${t.lastStatus}`, blocks };
}

function groupDetail(g: TargetGroupHealth, ctx: TaskDetailContext, only?: string): DetailContent {
  const targets = g.targets.filter((t) => only === undefined || targetKey(g, t) === only);
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'group', value: g.name },
    { kind: 'field', label: 'targets', value: stateCounts(g) },
    { kind: 'heading', text: only ? 'Target' : 'Every target' },
    ...targets.map((t): DetailBlock => ({
      kind: 'field',
      label: t.state,
      value: [`${targetName(t)}${t.availabilityZone ? ` in ${t.availabilityZone}` : ''}`, t.reason, t.description]
        .filter(Boolean)
        .join('\n'),
      tone: t.state === 'healthy' ? undefined : t.state === 'unhealthy' || t.state === 'unavailable' ? 'bad' : 'warn',
    })),
    { kind: 'field', label: 'arn', value: g.targetGroupArn, tone: 'dim' },
    { kind: 'heading', text: 'At the source' },
    {
      kind: 'command',
      what: 'what the load balancer says of each target',
      argv: describeTargetHealthCommand(g.targetGroupArn, ctx.target),
    },
  ];
  const one = targets[0];
  return { title: only && one ? `Target ${targetName(one)} · ${one.state}` : `Target group ${g.name}`, blocks };
}

/** The Tasks view's row `key` in full; undefined when it is no longer listed. */
export function tasksViewDetail(key: string, src: TaskSources, ctx: TaskDetailContext): DetailContent | undefined {
  if (key.startsWith('t:')) {
    const task = src.tasks.data?.tasks.find((t) => t.id === key.slice(2));
    return task && taskInfoDetail(task, ctx);
  }
  const groups = src.targets.data ?? [];
  if (key.startsWith('g:')) {
    const g = groups.find((x) => x.targetGroupArn === key.slice(2));
    return g && groupDetail(g, ctx);
  }
  const g = groups.find((x) => x.targets.some((t) => targetKey(x, t) === key));
  return g && groupDetail(g, ctx, key);
}
