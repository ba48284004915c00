// The simulation's single source of truth, advanced in fixed one-second steps so that the same seed
// and the same calls at the same clock readings always produce the same world.
import type { ContainerImage, RollbackRequest, ServiceSnapshot, TaskDefRef } from '../../domain/model.js';
import type { TargetGroupHealth, TasksPage } from '../../domain/tasks.js';
import { RELEASE } from './catalog.js';
import { Alarms } from './alarms.js';
import { Deployer } from './deployer.js';
import { Fleet, isServing } from './fleet.js';
import { seedHistory } from './history.js';
import { LogBacklog } from './logBacklog.js';
import { LogHistory } from './logHistory.js';
import type { LogBatch, LogSource, SpecialLine } from './logGenerator.js';
import { hostileLine, panicLines, shutdownLines, startupLines } from './logSpecials.js';
import { type Health, historicSample, minuteOf, minuteSample, type Sample } from './metrics.js';
import { hash32, mulberry32, type Rng } from './random.js';
import type { ScenarioSpec } from './scenarios.js';
import { serviceSnapshot } from './serviceSnapshot.js';
import { TaskDefs } from './taskDefs.js';
import { demoTargetHealth } from './targetHealth.js';
import { demoTasks } from './tasks.js';

export const STEP_MS = 1000;
export const LOG_BACKLOG = 20_000;
/** Two watch windows and a margin: enough for a baseline before a rollback late in the window. */
const SAMPLE_RETENTION_MINUTES = 250;
const HOSTILE_AT_MS = 210_000;
const NO_HEALTH: Health = { serving: 0, releaseShare: 0, badness: 0, warming: 0 };
const HEALTH_KEYS = Object.keys(NO_HEALTH) as (keyof Health)[];

export interface WorldOptions {
  seed: number;
  scenario: ScenarioSpec;
  speed: number;
  /** Release creation time, T+0. */
  t0: number;
}

export class World {
  t: number;
  readonly fleet: Fleet;
  readonly deployer: Deployer;
  readonly alarms: Alarms;
  readonly logs: LogBacklog;
  private readonly rng: Rng;
  private readonly samples = new Map<number, Sample>();
  /** Health summed over the minute in progress; a sample is the minute's average, as CloudWatch's is. */
  private minute: { index: number; steps: number; sum: Health };
  private floodCarry = 0;
  private hostileSent = false;
  private readonly taskDefs: TaskDefs;

  constructor(private readonly opts: WorldOptions) {
    this.t = opts.t0;
    this.rng = mulberry32(hash32(opts.seed, 0xd3e0));
    this.fleet = new Fleet(this.rng, opts.scenario.fate);
    this.taskDefs = new TaskDefs(opts.t0);
    this.deployer = new Deployer(this.fleet, this.rng, (ref) => this.taskDefs.get(ref));
    seedHistory(this.fleet, this.deployer, opts.t0);
    this.minute = { index: minuteOf(opts.t0), steps: 0, sum: { ...NO_HEALTH } };
    this.alarms = new Alarms(opts.t0, this.sampleAt);
    // Before T+0 the previous release's tasks served, quietly: the log history is theirs.
    const before = this.fleet
      .servingTasks()
      .map((task) => ({ taskId: task.id, version: this.taskDefs.versionOf(task.ref.revision), badness: 0 }));
    this.logs = new LogBacklog(LOG_BACKLOG, opts.seed, new LogHistory(opts.seed, opts.t0, before));
  }

  /** Noise comes from the minute's own stream so a partial minute can be read without disturbing the world. */
  readonly sampleAt = (minute: number): Sample => {
    if (minute === this.minute.index && this.minute.steps > 0)
      return minuteSample(this.opts.seed, minute, this.averageHealth());
    return this.samples.get(minute) ?? historicSample(this.opts.seed, minute);
  };

  advanceTo(target: number): void {
    const batches: LogBatch[] = [];
    while (this.t + STEP_MS <= target) {
      this.t += STEP_MS;
      batches.push(this.step(this.t));
    }
    if (batches.length > 0) this.logs.ingest(batches);
  }

  private step(t: number): LogBatch {
    const { scenario } = this.opts;
    this.fleet.step(t);
    this.deployer.step(t, this.alarms.firing());
    const serving = this.fleet.servingTasks();
    const sources: LogSource[] = serving.map((task) => ({
      taskId: task.id,
      version: this.taskDefs.versionOf(task.ref.revision),
      badness: scenario.badness(task, t),
    }));
    // A step covers (t-1s, t]: the second ending on a minute boundary still belongs to the old minute.
    const minute = minuteOf(t - 1);
    if (minute !== this.minute.index) {
      const done = this.minute.index;
      if (this.minute.steps > 0) this.samples.set(done, minuteSample(this.opts.seed, done, this.averageHealth()));
      this.samples.delete(done - SAMPLE_RETENTION_MINUTES);
      this.minute = { index: minute, steps: 0, sum: { ...NO_HEALTH } };
      // CloudWatch evaluates an alarm on completed periods only.
      this.alarms.evaluate(done, t, this.sampleAt);
    }
    const h = this.health(sources);
    const sum = this.minute.sum;
    for (const k of HEALTH_KEYS) sum[k] += h[k];
    this.minute.steps++;
    return this.logBatch(t, sources);
  }

  private averageHealth(): Health {
    const { sum, steps } = this.minute;
    return {
      serving: sum.serving / steps,
      releaseShare: sum.releaseShare / steps,
      badness: sum.badness / steps,
      warming: sum.warming / steps,
    };
  }

  private health(sources: LogSource[]): Health {
    const n = sources.length;
    const tasks = this.fleet.deployments.flatMap((d) => d.tasks);
    return {
      serving: n,
      releaseShare: n ? sources.filter((s) => s.version === this.taskDefs.versionOf(RELEASE.revision)).length / n : 0,
      badness: n ? sources.reduce((sum, s) => sum + s.badness, 0) / n : 0,
      warming: tasks.filter((x) => !isServing(x) && x.state !== 'DRAINING').length,
    };
  }

  private logBatch(t: number, sources: LogSource[]): LogBatch {
    const specials: SpecialLine[] = [];
    for (const note of this.fleet.notes.splice(0)) {
      if (note.kind === 'serving')
        specials.push(...startupLines(note.task.id, this.taskDefs.versionOf(note.task.ref.revision), t));
      else specials.push(...shutdownLines(note.task.id, this.rng));
    }
    for (const src of sources) {
      // Only a task deep into the leak panics, and rarely: a few stack traces per ten minutes, not a wall of them.
      const roll = this.rng();
      if (src.badness > 0.6 && roll < 0.004) specials.push(...panicLines(src.taskId, this.rng));
    }
    const release = sources.find((s) => s.version === this.taskDefs.versionOf(RELEASE.revision));
    if (this.opts.scenario.hostileLine && !this.hostileSent && release && t - this.opts.t0 >= HOSTILE_AT_MS) {
      this.hostileSent = true;
      specials.push(hostileLine(release.taskId));
    }
    // The flood is specified per wall-clock second, so the faster the clock the fewer per simulated second.
    this.floodCarry += (this.opts.scenario.floodPerWallSecond * STEP_MS) / 1000 / this.opts.speed;
    const flood = Math.floor(this.floodCarry);
    this.floodCarry -= flood;
    const regular = Math.floor(sources.length * 1.2 + this.rng());
    return { t, specials, regular, flood, sources };
  }

  rollback(request: RollbackRequest): string {
    return this.deployer.rollback(request, this.t);
  }

  pinImages(ref: TaskDefRef, images: ContainerImage[]): TaskDefRef {
    return this.taskDefs.pin(ref, images, this.t);
  }

  snapshot(): ServiceSnapshot {
    return serviceSnapshot(this.fleet, this.deployer, this.taskDefs);
  }

  tasks(): TasksPage {
    const release = this.taskDefs.versionOf(RELEASE.revision);
    return demoTasks({
      fleet: this.fleet,
      t: this.t,
      seed: this.opts.seed,
      containers: (ref) =>
        (this.taskDefs.get(ref)?.containers ?? []).map((c) => ({ name: c.name, healthCheck: !!c.detail?.healthCheck })),
      badness: (task) => this.opts.scenario.badness(task, this.t),
      onRelease: (task) => this.taskDefs.versionOf(task.ref.revision) === release,
    });
  }

  targetHealth(): TargetGroupHealth[] {
    return demoTargetHealth(this.fleet, (task) => this.opts.scenario.badness(task, this.t));
  }
}
