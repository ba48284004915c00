// The ECS scheduler in miniature: deployments, their tasks, rolling replacement, the circuit breaker.
// Stepped once per simulated second by the world; all randomness comes from the world's stream.
import type { ServiceDeploymentInfo, ServiceEvent, StoppedTask, TaskDefRef } from '../../domain/model.js';
import { DESIRED, taskArn } from './catalog.js';
import * as text from './ecsText.js';
import { digits, hex, int, type Rng, uuid } from './random.js';

export interface Fate {
  afterMs: number;
  /** Whether the task gets to RUNNING before it dies (an app crash) or not (a launch failure). */
  reachesRunning: boolean;
  reason: string;
  stopCode: string;
}
export type FatePolicy = (ref: TaskDefRef, ordinal: number, rng: Rng) => Fate | undefined;

export interface SimTask {
  id: string;
  ref: TaskDefRef;
  state: 'PENDING' | 'RUNNING' | 'DRAINING';
  /** When the scheduler started it (its createdAt); runningAt is when it reached RUNNING. */
  launchedAt: number;
  runningAt: number;
  registeredAt: number;
  registered: boolean;
  failAt?: number;
  fate?: Fate;
  stopAt?: number;
}

export interface SimDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  ref: TaskDefRef;
  failed: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  createdAt: number;
  updatedAt: number;
  nextLaunchAt: number;
  launches: number;
  tasks: SimTask[];
  sd?: ServiceDeploymentInfo;
  /** A revision that served before starts faster: its image layers are warm in the registry cache. */
  warm: boolean;
  emptySince?: number;
}

/** A stopped task as the Tasks view shows it: what it was, and how it ended. */
export interface RetiredTask {
  task: SimTask;
  stoppedAt: number;
  reason: string;
  stopCode: string;
}

/** Lifecycle moments the log generator narrates (startup banner, graceful shutdown). */
export interface TaskNote {
  kind: 'serving' | 'draining';
  task: SimTask;
}

const S = 1000;
const DEREGISTRATION_DELAY_MS = 45 * S;
const RELAUNCH_BACKOFF_MS = 15 * S;
const EMPTY_DEPLOYMENT_LINGER_MS = 10 * S;
/** A failed deployment stays on screen a while so the on-call sees what the breaker rolled back. */
const FAILED_DEPLOYMENT_LINGER_MS = 60 * S;
const MAX_EVENTS = 100;
const MAX_STOPPED = 50;

export const newDeploymentId = (rng: Rng): string => `ecs-svc/${digits(rng, 19)}`;
export const isServing = (task: SimTask): boolean => task.state === 'RUNNING' && task.registered;

export class Fleet {
  deployments: SimDeployment[] = [];
  events: ServiceEvent[] = [];
  stopped: StoppedTask[] = [];
  /** The same stopped tasks, newest first, with their whole record (tasks.ts). */
  retired: RetiredTask[] = [];
  notes: TaskNote[] = [];
  private failures = 0;

  constructor(
    private readonly rng: Rng,
    private readonly fate: FatePolicy,
  ) {}

  primary(): SimDeployment | undefined {
    return this.deployments.find((d) => d.status === 'PRIMARY');
  }

  servingTasks(): SimTask[] {
    return this.deployments.flatMap((d) => d.tasks.filter(isServing));
  }

  event(t: number, message: string): void {
    this.events.unshift({ id: uuid(this.rng), createdAt: t, message });
    if (this.events.length > MAX_EVENTS) this.events.length = MAX_EVENTS;
  }

  /** A task already up and serving, for the state before the demo begins. */
  seedTask(dep: SimDeployment, since: number): void {
    dep.tasks.push({
      id: hex(this.rng, 32),
      ref: dep.ref,
      state: 'RUNNING',
      launchedAt: since,
      runningAt: since,
      registeredAt: since,
      registered: true,
    });
  }

  /** The new deployment becomes PRIMARY; the old PRIMARY turns ACTIVE and will be scaled in. */
  startDeployment(ref: TaskDefRef, t: number, sd: ServiceDeploymentInfo | undefined, warm: boolean): SimDeployment {
    const id = newDeploymentId(this.rng);
    const old = this.primary();
    if (old) {
      old.status = 'ACTIVE';
      old.updatedAt = t;
      // Tasks that never got traffic are simply cancelled; serving ones drain in step().
      for (const task of old.tasks.filter((x) => !isServing(x) && x.state !== 'DRAINING'))
        this.stop(old, task, t, text.scaleInReason(id), 'ServiceSchedulerInitiated');
    }
    const dep: SimDeployment = {
      id,
      status: 'PRIMARY',
      ref,
      failed: 0,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: text.inProgressReason(id),
      createdAt: t,
      updatedAt: t,
      nextLaunchAt: t + 3 * S,
      launches: 0,
      tasks: [],
      sd,
      warm,
    };
    this.deployments.unshift(dep);
    return dep;
  }

  step(t: number): void {
    for (const dep of [...this.deployments]) this.stepTasks(dep, t);
    const primary = this.primary();
    if (primary) this.launch(primary, t);
    this.drain(t);
    this.prune(t);
  }

  private stepTasks(dep: SimDeployment, t: number): void {
    for (const task of [...dep.tasks]) {
      if (task.failAt !== undefined && t >= task.failAt) {
        this.fail(dep, task, t);
      } else if (task.state === 'PENDING' && t >= task.runningAt) {
        task.state = 'RUNNING';
        dep.updatedAt = t;
      } else if (task.state === 'RUNNING' && !task.registered && task.failAt === undefined && t >= task.registeredAt) {
        task.registered = true;
        this.event(t, text.registeredTargets(1));
        this.notes.push({ kind: 'serving', task });
      } else if (task.state === 'DRAINING' && t >= (task.stopAt ?? t)) {
        this.stop(dep, task, t, text.scaleInReason(this.primary()?.id ?? dep.id), 'ServiceSchedulerInitiated');
        this.event(t, text.stoppedTasks([task.id]));
      }
    }
  }

  private fail(dep: SimDeployment, task: SimTask, t: number): void {
    const fate = task.fate!;
    this.stop(dep, task, t, fate.reason, fate.stopCode);
    dep.failed++;
    const breaker = dep.sd?.circuitBreaker;
    if (breaker && sameRef(dep.sd!.targetRevision, dep.ref)) breaker.failureCount++;
    dep.nextLaunchAt = Math.max(dep.nextLaunchAt, t + RELAUNCH_BACKOFF_MS);
    if (++this.failures === 2) this.event(t, text.unableToStart);
  }

  private stop(dep: SimDeployment, task: SimTask, t: number, reason: string, stopCode: string): void {
    dep.tasks = dep.tasks.filter((x) => x !== task);
    dep.updatedAt = t;
    this.stopped.unshift({
      taskArn: taskArn(task.id),
      taskDefinition: { ...task.ref },
      stoppedReason: reason,
      stopCode,
      stoppedAt: t,
    });
    if (this.stopped.length > MAX_STOPPED) this.stopped.length = MAX_STOPPED;
    this.retired.unshift({ task, stoppedAt: t, reason, stopCode });
    if (this.retired.length > MAX_STOPPED) this.retired.length = MAX_STOPPED;
  }

  private launch(dep: SimDeployment, t: number): void {
    const need = DESIRED - dep.tasks.filter((x) => x.state !== 'DRAINING').length;
    if (need <= 0 || t < dep.nextLaunchAt || dep.rolloutState !== 'IN_PROGRESS') return;
    const ids: string[] = [];
    for (let i = 0; i < need; i++) {
      const fate = this.fate(dep.ref, dep.launches++, this.rng);
      // Cold image pulls and the target group's healthy threshold dominate a new task's start.
      const runningAt = t + (dep.warm ? int(this.rng, 10, 15) : int(this.rng, 25, 40)) * S;
      const registeredAt = runningAt + (dep.warm ? int(this.rng, 25, 35) : int(this.rng, 40, 60)) * S;
      const task: SimTask = {
        id: hex(this.rng, 32),
        ref: dep.ref,
        state: 'PENDING',
        launchedAt: t,
        runningAt,
        registeredAt,
        registered: false,
      };
      if (fate) {
        task.fate = fate;
        task.failAt = t + fate.afterMs;
        if (!fate.reachesRunning) task.runningAt = Number.POSITIVE_INFINITY;
      }
      dep.tasks.push(task);
      ids.push(task.id);
    }
    dep.updatedAt = t;
    this.event(t, text.startedTasks(ids));
  }

  /** Minimum healthy 100 %: an old task drains only while the rest still cover the desired count. */
  private drain(t: number): void {
    let serving = this.servingTasks().length;
    const older = this.deployments.filter((d) => d.status === 'ACTIVE').sort((a, b) => b.createdAt - a.createdAt);
    let drained = 0;
    for (const dep of older) {
      for (const task of dep.tasks) {
        if (serving - 1 < DESIRED) break;
        if (!isServing(task)) continue;
        task.state = 'DRAINING';
        task.registered = false;
        task.stopAt = t + DEREGISTRATION_DELAY_MS;
        dep.updatedAt = t;
        this.notes.push({ kind: 'draining', task });
        serving--;
        drained++;
      }
    }
    if (drained > 0) {
      this.event(t, text.drainingTasks(drained));
      this.event(t, text.deregisteredTargets(drained));
    }
  }

  private prune(t: number): void {
    for (const dep of this.deployments) {
      if (dep.status === 'PRIMARY' || dep.tasks.length > 0) dep.emptySince = undefined;
      else dep.emptySince ??= t;
    }
    this.deployments = this.deployments.filter(
      (d) =>
        d.emptySince === undefined ||
        t - d.emptySince < (d.rolloutState === 'FAILED' ? FAILED_DEPLOYMENT_LINGER_MS : EMPTY_DEPLOYMENT_LINGER_MS),
    );
  }
}

export const sameRef = (a: TaskDefRef, b: TaskDefRef): boolean => a.family === b.family && a.revision === b.revision;
