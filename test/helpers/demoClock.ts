// A demo backend on an injected wall clock, for tests that move the simulated release to a moment.
import { createDemoBackend, type ScenarioName } from '../../src/adapters/demo/index.js';

const signal = new AbortController().signal;
/** Deliberately not on a minute boundary. */
export const WALL_START = 1_764_000_000_000 + 12_345;

/** `at(ms)` moves the simulation to T+ms after the release; `setWall`/`wall` reach the raw clock. */
export async function demoOnClock(opts: { scenario?: ScenarioName; seed?: number; speed?: number } = {}) {
  const speed = opts.speed ?? 20;
  let wall = WALL_START;
  const backend = createDemoBackend({ ...opts, wallClock: () => wall });
  const release = (await backend.getService(signal)).deployments[0]!.createdAt;
  const simStart = backend.now();
  return {
    backend,
    release,
    at(tPlus: number) {
      wall = WALL_START + (release + tPlus - simStart) / speed;
    },
    setWall(ms: number) {
      wall = ms;
    },
    get wall() {
      return wall;
    },
  };
}
