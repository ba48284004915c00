// src/adapters/demo — the simulated world behind the same Backend port: a release on an accelerated
// clock with scenarios (bad-release, healthy, stuck-rollout, log-flood). Imports domain only; the
// default when no AWS target is given, and the bed for benchmarks and fault tests.
//
// `shipwatch --demo`: a simulated release behind the same Backend port as AWS.
// No timers: the world catches up with the accelerated clock whenever it is asked something.
import type { Backend } from '../../domain/backend.js';
import { ACCOUNT, CALLER_ARN, CLUSTER, REGION, SERVICE, WATCH_WINDOW_MS } from './catalog.js';
import { createClock } from './clock.js';
import { costSummary } from './cost.js';
import { buildSeries } from './metrics.js';
import { isScenarioName, type ScenarioName, scenarioSpec } from './scenarios.js';
import { World } from './world.js';

export { demoChecklist } from './checklist.js';
export { SCENARIOS, type ScenarioName } from './scenarios.js';

export interface DemoOptions {
  scenario?: ScenarioName;
  /** Simulated seconds per wall-clock second; 20 by default. */
  speed?: number;
  seed?: number;
  /** Wall clock in epoch ms; injected by tests. Read on every call so fake timers work. */
  wallClock?: () => number;
}

export type DemoBackend = Backend & { readonly scenario: ScenarioName };

/** The release was created just before the dashboard opened, so the first screen already shows it rolling. */
const RELEASE_LEAD_MS = 20_000;

export function createDemoBackend(opts: DemoOptions = {}): DemoBackend {
  const scenario = opts.scenario ?? 'bad-release';
  if (!isScenarioName(scenario)) throw new Error(`unknown demo scenario "${String(scenario)}"`);
  const clock = createClock(opts.speed ?? 20, opts.wallClock ?? (() => Date.now()));
  const seed = opts.seed ?? 1;
  const world = new World({
    seed,
    scenario: scenarioSpec(scenario),
    speed: clock.speed,
    t0: clock.simStart - RELEASE_LEAD_MS,
  });
  world.advanceTo(clock.simStart);

  const sync = (signal?: AbortSignal) => {
    signal?.throwIfAborted();
    world.advanceTo(clock.now());
  };

  return {
    kind: 'demo',
    target: { cluster: CLUSTER, service: SERVICE, region: REGION },
    watchWindowMs: WATCH_WINDOW_MS,
    scenario,
    now: clock.now,
    async getIdentity(signal) {
      sync(signal);
      return { account: ACCOUNT, arn: CALLER_ARN, region: REGION };
    },
    async getService(signal) {
      sync(signal);
      return world.snapshot();
    },
    async getAlarms(signal) {
      sync(signal);
      return world.alarms.snapshot();
    },
    async getMetrics({ releaseStart }, signal) {
      sync(signal);
      // The last step covers (t-1s, t]: its minute is the one in progress, even when t sits on a boundary.
      return buildSeries(releaseStart, world.t - 1, WATCH_WINDOW_MS, world.sampleAt);
    },
    async getCost(signal) {
      sync(signal);
      return costSummary(seed, world.t);
    },
    async getLogs(_query, signal) {
      sync(signal);
      return { events: world.logs.readNew(), follow: { mode: 'simulated' } };
    },
    async getLogWindow(query, signal) {
      sync(signal);
      return world.logs.window(query);
    },
    async getTasks(signal) {
      sync(signal);
      return world.tasks();
    },
    // The world has one target group, the one its snapshot names.
    async getTargetHealth(_loadBalancers, signal) {
      sync(signal);
      return world.targetHealth();
    },
    async getAlarmHistory(name, since, signal) {
      sync(signal);
      return world.alarms.history(name, since);
    },
    async rollback(request) {
      sync();
      return { method: request.method, deploymentId: world.rollback(request) };
    },
    async pinImages(ref, images) {
      sync();
      return world.pinImages(ref, images);
    },
    close() {
      // Nothing to stop: there are no timers or connections, only a world that moves when asked.
    },
  };
}
