// The demo's Tasks view, read off the fleet: its live tasks and the ones it stopped, as DescribeTasks
// would describe them, with per-task CPU and memory from the health model the metrics use (the demo
// world has Container Insights on).
import type { TaskDefRef } from '../../domain/model.js';
import type { TaskContainer, TaskInfo, TasksPage } from '../../domain/tasks.js';
import { REGION, taskArn } from './catalog.js';
import { isServing, type Fleet, type RetiredTask, type SimTask } from './fleet.js';
import { minuteOf, usageFrom } from './metrics.js';
import { rngAt } from './random.js';

/** The Tasks view shows at most this many, as the AWS adapter does. */
export const DEMO_TASKS_CAP = 100;
/** From this badness on, a task fails its health checks (container and load balancer alike). */
export const UNHEALTHY_AT = 0.5;
const AZS = ['a', 'b', 'c'].map((z) => `${REGION}${z}`);

/** What the fleet alone does not know: the world's task definitions, scenario and clock. */
export interface TaskWorld {
  fleet: Fleet;
  t: number;
  seed: number;
  /** Container names of a revision, and whether each has a health check. */
  containers(ref: TaskDefRef): { name: string; healthCheck: boolean }[];
  badness(task: SimTask): number;
  /** Whether it runs the release's build (it uses a little more memory). */
  onRelease(task: SimTask): boolean;
}

const word = (id: string, at: number): number => parseInt(id.slice(at, at + 8), 16) || 0;

/** Where the scheduler placed a task follows from its id (32 hex digits), so it never moves. */
export const taskAz = (id: string): string => AZS[word(id, 0) % AZS.length]!;

/** Its awsvpc address, in its zone's subnet: what the load balancer names the target by. */
export const taskIp = (id: string): string =>
  `10.0.${(word(id, 0) % AZS.length) * 16 + (word(id, 8) % 8)}.${(word(id, 16) % 250) + 4}`;

const LIVE_STATUS: Record<SimTask['state'], string> = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  DRAINING: 'DEACTIVATING',
};

function health(w: TaskWorld, task: SimTask): string {
  if (task.state === 'PENDING' || (task.state === 'RUNNING' && !task.registered)) return 'UNKNOWN';
  return w.badness(task) >= UNHEALTHY_AT ? 'UNHEALTHY' : 'HEALTHY';
}

function liveTask(w: TaskWorld, task: SimTask): TaskInfo {
  const lastStatus = LIVE_STATUS[task.state];
  const taskHealth = health(w, task);
  const started = task.state !== 'PENDING';
  // Noise from the task's own stream per minute: the same reading for the same task and minute.
  const usage = started
    ? usageFrom(
        {
          badness: w.badness(task),
          releaseShare: w.onRelease(task) ? 1 : 0,
          warming: isServing(task) || task.state === 'DRAINING' ? 0 : 1,
        },
        rngAt(w.seed, 0x7a5c, word(task.id, 0), word(task.id, 8), minuteOf(w.t)),
      )
    : undefined;
  return {
    ...identity(task),
    availabilityZone: taskAz(task.id),
    lastStatus,
    desiredStatus: task.state === 'DRAINING' ? 'STOPPED' : 'RUNNING',
    health: taskHealth,
    ...(started && { startedAt: task.runningAt }),
    containers: w.containers(task.ref).map((c) => ({
      name: c.name,
      lastStatus: lastStatus === 'DEACTIVATING' ? 'RUNNING' : lastStatus,
      ...(c.healthCheck && { health: taskHealth }),
    })),
    ...(usage && { cpuPct: usage.cpu, memoryPct: usage.memory }),
  };
}

/** Whether a stopped task got to RUNNING (one cancelled while pending, or failing to start, did not). */
const ran = (r: RetiredTask): boolean => r.task.state !== 'PENDING' && r.task.runningAt <= r.stoppedAt;

/** Exit codes as ECS reports them: a crash exits 1, a graceful stop 0, a task that never ran has none. */
function stoppedContainer(r: RetiredTask, name: string, i: number): TaskContainer {
  const crashed = r.stopCode === 'EssentialContainerExited' && i === 0;
  return { name, lastStatus: 'STOPPED', ...(ran(r) && { exitCode: crashed ? 1 : 0 }) };
}

function stoppedTask(w: TaskWorld, r: RetiredTask): TaskInfo {
  return {
    ...identity(r.task),
    availabilityZone: taskAz(r.task.id),
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    ...(ran(r) && { startedAt: r.task.runningAt }),
    stoppedAt: r.stoppedAt,
    stoppedReason: r.reason,
    stopCode: r.stopCode,
    containers: w.containers(r.task.ref).map((c, i) => stoppedContainer(r, c.name, i)),
  };
}

const identity = (task: SimTask) => ({ id: task.id, arn: taskArn(task.id), taskDefinition: { ...task.ref } });

/** Running and stopped tasks, newest started (or launched, for one not started yet) first. */
export function demoTasks(w: TaskWorld): TasksPage {
  const live = w.fleet.deployments
    .flatMap((d) => d.tasks)
    .map((task) => ({ at: task.launchedAt, info: liveTask(w, task) }));
  const stopped = w.fleet.retired.map((r) => ({ at: r.task.launchedAt, info: stoppedTask(w, r) }));
  const tasks = [...live, ...stopped]
    .sort((a, b) => (b.info.startedAt ?? b.at) - (a.info.startedAt ?? a.at) || a.info.id.localeCompare(b.info.id))
    .slice(0, DEMO_TASKS_CAP)
    .map((x) => x.info);
  return { tasks, insights: true };
}
