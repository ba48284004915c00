// The Tasks view from ECS: the service's running and stopped tasks (ListTasks for each desired
// status, DescribeTasks 100 at a time), with per-task CPU and memory from Container Insights when
// it is on. A stopped task never changes again, so it is described once and kept while ECS lists it.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  DescribeTasksCommand,
  paginateListTasks,
  type DesiredStatus,
  type ECSClient,
  type Task,
} from '@aws-sdk/client-ecs';
import type { TaskInfo, TasksPage } from '../../domain/tasks.js';
import { describeAwsError } from './awsErrors.js';
import { ContainerInsights, type TaskUsage } from './containerInsights.js';
import { ms, parseTaskDefRef } from './ecsMap.js';
import { chunks } from './ecsUtil.js';

/** Shown newest started first, at most this many. */
export const TASKS_CAP = 100;
/** ARNs read per desired status (3 pages): ECS keeps stopped tasks about an hour, a bad release makes many. */
const LISTED_CAP = 300;
/** ListTasks' page size and DescribeTasks' limit alike. */
const BATCH = 100;
const STATUSES: DesiredStatus[] = ['RUNNING', 'STOPPED'];

/** Pure: a described task → domain; undefined without an ARN or a task definition. */
export function mapTask(t: Task): TaskInfo | undefined {
  const ref = parseTaskDefRef(t.taskDefinitionArn);
  if (!t.taskArn || !ref) return undefined;
  const stopped = t.lastStatus === 'STOPPED';
  return {
    id: t.taskArn.split('/').pop()!,
    arn: t.taskArn,
    taskDefinition: ref,
    availabilityZone: t.availabilityZone,
    lastStatus: t.lastStatus ?? 'UNKNOWN',
    desiredStatus: t.desiredStatus,
    health: t.healthStatus,
    startedAt: ms(t.startedAt),
    stoppedAt: ms(t.stoppedAt),
    // moto answers "" for a task that was never stopped.
    stoppedReason: t.stoppedReason || undefined,
    stopCode: t.stopCode,
    containers: (t.containers ?? []).map((c, i) => ({
      name: c.name ?? `container-${i + 1}`,
      lastStatus: c.lastStatus,
      health: c.healthStatus,
      // An exit code means something only once the container stopped (moto gives 0 to running ones).
      exitCode: stopped || c.lastStatus === 'STOPPED' ? c.exitCode : undefined,
      reason: c.reason,
    })),
  };
}

/** When a task started, or was created if it has not started yet: pending tasks are the newest. */
const startKey = (t: Task): number => ms(t.startedAt) ?? ms(t.createdAt) ?? -Infinity;

/** Newest started first (unknown times last, then by ARN so the order is stable), capped. */
export function newestStartedFirst(tasks: readonly Task[], cap: number): TaskInfo[] {
  return [...tasks]
    .sort((a, b) => startKey(b) - startKey(a) || (a.taskArn ?? '').localeCompare(b.taskArn ?? ''))
    .flatMap((t) => mapTask(t) ?? [])
    .slice(0, cap);
}

export class TaskReader {
  /** Stopped tasks by ARN; null: another service's (moto ignores ListTasks' serviceName). */
  private readonly final = new Map<string, Task | null>();
  private readonly insights: ContainerInsights;
  /** Named in the "run aws sso login --profile …" hint of credential errors. */
  private readonly profile?: string;

  constructor(
    private readonly ecs: ECSClient,
    cw: CloudWatchClient,
    private readonly cluster: string,
    private readonly service: string,
    opts: { now?: () => number; profile?: string } = {},
  ) {
    this.insights = new ContainerInsights(cw, cluster, opts.now);
    this.profile = opts.profile;
  }

  async read(signal: AbortSignal): Promise<TasksPage> {
    const arns = new Set((await Promise.all(STATUSES.map((s) => this.list(s, signal)))).flat());
    // Bounded memory: tasks ECS no longer lists are dropped.
    for (const arn of this.final.keys()) if (!arns.has(arn)) this.final.delete(arn);
    const known = [...arns].filter((a) => this.final.has(a));
    const fresh = await this.describe(
      [...arns].filter((a) => !this.final.has(a)),
      signal,
    );
    const tasks = newestStartedFirst([...known.flatMap((a) => this.final.get(a) ?? []), ...fresh], TASKS_CAP);
    const running = tasks.filter((t) => t.lastStatus === 'RUNNING');
    const usage = await this.insights.usage(
      running.map((t) => ({ id: t.id, family: t.taskDefinition.family })),
      signal,
    );
    return { tasks: usage ? tasks.map((t) => withUsage(t, usage.get(t.id))) : tasks, insights: usage !== undefined };
  }

  private async list(desiredStatus: DesiredStatus, signal: AbortSignal): Promise<string[]> {
    const arns: string[] = [];
    const input = { cluster: this.cluster, serviceName: this.service, desiredStatus };
    for await (const page of paginateListTasks({ client: this.ecs, pageSize: BATCH }, input, { abortSignal: signal })) {
      arns.push(...(page.taskArns ?? []));
      if (arns.length >= LISTED_CAP) break;
    }
    return arns.slice(0, LISTED_CAP);
  }

  /** This service's tasks among `arns`; stopped ones are kept for the next reads. */
  private async describe(arns: string[], signal: AbortSignal): Promise<Task[]> {
    const group = `service:${this.service.split('/').pop()}`;
    const out: Task[] = [];
    for (const batch of chunks(arns, BATCH)) {
      let answer;
      try {
        answer = await this.ecs.send(new DescribeTasksCommand({ cluster: this.cluster, tasks: batch }), {
          abortSignal: signal,
        });
      } catch (e) {
        if (signal.aborted) throw e;
        // Named here: the backend's wrapper names ListTasks, the first call of the read.
        throw new Error(describeAwsError(e, 'ecs:DescribeTasks', this.profile), { cause: e });
      }
      for (const t of answer.tasks ?? []) {
        const ours = !t.group || t.group === group;
        if (t.taskArn && t.lastStatus === 'STOPPED') this.final.set(t.taskArn, ours ? t : null);
        if (ours) out.push(t);
      }
    }
    return out;
  }
}

const withUsage = (t: TaskInfo, u: TaskUsage | undefined): TaskInfo => (u ? { ...t, ...u } : t);
