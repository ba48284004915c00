// The service's stopped tasks with their stoppedReason: ListTasks every poll, DescribeTasks only for
// tasks not seen stopped before (a task whose lastStatus is STOPPED never changes again).
import { DescribeTasksCommand, ListTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs';
import type { StoppedTask } from '../../domain/model.js';
import { mapStoppedTask, newestStoppedFirst } from './ecsMap.js';
import { chunks, rethrowIfAborted, type EcsIssues } from './ecsUtil.js';

export const STOPPED_TASKS_CAP = 10;
/** ListTasks' page size and DescribeTasks' limit alike; ECS keeps stopped tasks for about an hour. */
const BATCH = 100;

export class StoppedTasks {
  /** Final answers by task ARN; null: not this service's task (moto ignores ListTasks' serviceName). */
  private readonly final = new Map<string, StoppedTask | null>();
  /** When each ARN was first listed: stands in for a stoppedAt that ECS has not set (yet). */
  private readonly firstSeen = new Map<string, number>();
  private last: StoppedTask[] = [];

  constructor(
    private readonly ecs: ECSClient,
    private readonly cluster: string,
    private readonly service: string,
    private readonly now: () => number,
    private readonly issues: EcsIssues,
  ) {}

  async read(signal: AbortSignal): Promise<StoppedTask[]> {
    let action = 'ecs:ListTasks';
    try {
      const listed = await this.ecs.send(
        new ListTasksCommand({
          cluster: this.cluster,
          serviceName: this.service,
          desiredStatus: 'STOPPED',
          maxResults: BATCH,
        }),
        { abortSignal: signal },
      );
      const arns = listed.taskArns ?? [];
      this.forgetAllBut(new Set(arns));
      const now = this.now();
      for (const arn of arns) if (!this.firstSeen.has(arn)) this.firstSeen.set(arn, now);
      action = 'ecs:DescribeTasks';
      const pending: StoppedTask[] = [];
      for (const batch of chunks(
        arns.filter((a) => !this.final.has(a)),
        BATCH,
      )) {
        const out = await this.ecs.send(new DescribeTasksCommand({ cluster: this.cluster, tasks: batch }), {
          abortSignal: signal,
        });
        for (const t of out.tasks ?? []) this.take(t, pending);
      }
      const known = arns.flatMap((a) => this.final.get(a) ?? []);
      this.last = newestStoppedFirst([...known, ...pending], STOPPED_TASKS_CAP);
      this.issues.clear('ecs:ListTasks');
      this.issues.clear('ecs:DescribeTasks');
    } catch (e) {
      rethrowIfAborted(e, signal);
      // Stopped tasks are secondary to the deployments: show the last list rather than fail the read.
      this.issues.set(action, e);
    }
    return this.last;
  }

  private take(t: Task, pending: StoppedTask[]): void {
    if (!t.taskArn) return;
    // The service may be configured by ARN; a service's tasks carry group "service:NAME".
    if (t.group && t.group !== `service:${this.service.split('/').pop()}`) {
      this.final.set(t.taskArn, null);
      return;
    }
    const mapped = mapStoppedTask(t, this.firstSeen.get(t.taskArn) ?? this.now()) ?? null;
    if (t.lastStatus === 'STOPPED') this.final.set(t.taskArn, mapped);
    else if (mapped) pending.push(mapped); // still stopping: described again next poll
  }

  /** Bounded memory: tasks ECS no longer lists are dropped. */
  private forgetAllBut(current: Set<string>): void {
    for (const arn of this.final.keys()) if (!current.has(arn)) this.final.delete(arn);
    for (const arn of this.firstSeen.keys()) if (!current.has(arn)) this.firstSeen.delete(arn);
  }
}
