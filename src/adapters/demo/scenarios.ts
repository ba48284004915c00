// What differs between the demo's stories; the mechanics (fleet, metrics, alarms, logs) are shared.
import type { TaskDefRef } from '../../domain/model.js';
import { RELEASE } from './catalog.js';
import { essentialExitReason, secretsReason } from './ecsText.js';
import type { Fate, SimTask } from './fleet.js';
import { hex, int, type Rng } from './random.js';

export type ScenarioName = 'bad-release' | 'healthy' | 'stuck-rollout' | 'log-flood';

export const SCENARIOS: readonly { readonly name: ScenarioName; readonly description: string }[] = [
  { name: 'bad-release', description: 'rollout completes, then 5xx and p99 climb and alarms fire (default)' },
  { name: 'healthy', description: 'rollout completes and everything stays green' },
  { name: 'stuck-rollout', description: 'new tasks fail to start; the circuit breaker trips and ECS rolls back' },
  { name: 'log-flood', description: 'healthy, but logs at over 1,000 lines per wall-clock second (benchmarks)' },
];

export const isScenarioName = (s: string): s is ScenarioName => SCENARIOS.some((x) => x.name === s);

export interface ScenarioSpec {
  name: ScenarioName;
  /** How a task of the given revision launched as the deployment's n-th ends; undefined: it runs. */
  fate(ref: TaskDefRef, ordinal: number, rng: Rng): Fate | undefined;
  /** 0 (fine) … 1 (failing hard): how broken a serving task is at time t. */
  badness(task: SimTask, t: number): number;
  /** Log lines per wall-clock second on top of the service's own, whatever the clock speed. */
  floodPerWallSecond: number;
  /** Whether to emit the one log line with raw control characters. */
  hostileLine: boolean;
}

const SECOND = 1000;
const never = () => 0;
const runs = () => undefined;

// v1.4.0 leaks database connections: a task serves fine for ~2 minutes, then its pool runs dry.
// Tying the failure to each task's age (not a global clock) makes a rollback cure it naturally.
const LEAK_AFTER_MS = 120 * SECOND;
const LEAK_RAMP_MS = 60 * SECOND;
function leakingRelease(task: SimTask, t: number): number {
  if (task.ref.revision !== RELEASE.revision || !task.registered) return 0;
  return Math.min(1, Math.max(0, (t - task.registeredAt - LEAK_AFTER_MS) / LEAK_RAMP_MS));
}

// The first three launches fail at staggered times so the breaker's count visibly climbs (1, 2, 3)
// over a few minutes instead of tripping at once; one of them crashes after starting, for variety.
function stuckFate(ref: TaskDefRef, ordinal: number, rng: Rng): Fate | undefined {
  if (ref.revision !== RELEASE.revision) return undefined;
  const secrets = (afterMs: number): Fate => ({
    afterMs: afterMs + int(rng, -3, 3) * SECOND,
    reachesRunning: false,
    reason: secretsReason(hex(rng, 32)),
    stopCode: 'TaskFailedToStart',
  });
  if (ordinal === 0) return secrets(90 * SECOND);
  if (ordinal === 1)
    return {
      afterMs: 150 * SECOND,
      reachesRunning: true,
      reason: essentialExitReason,
      stopCode: 'EssentialContainerExited',
    };
  if (ordinal === 2) return secrets(240 * SECOND);
  return secrets(100 * SECOND + int(rng, 0, 10) * SECOND);
}

export function scenarioSpec(name: ScenarioName): ScenarioSpec {
  switch (name) {
    case 'bad-release':
      return { name, fate: runs, badness: leakingRelease, floodPerWallSecond: 0, hostileLine: true };
    case 'healthy':
      return { name, fate: runs, badness: never, floodPerWallSecond: 0, hostileLine: false };
    case 'stuck-rollout':
      return { name, fate: stuckFate, badness: never, floodPerWallSecond: 0, hostileLine: false };
    case 'log-flood':
      // 10 % headroom over the 1,000 lines/s the benchmarks promise.
      return { name, fate: runs, badness: never, floodPerWallSecond: 1100, hostileLine: false };
  }
}
