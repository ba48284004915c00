// The demo's accelerated clock: a release's first hours pass in minutes of wall time.

export interface DemoClock {
  /** Simulated epoch ms; starts at the wall time of creation so dates look real. */
  now(): number;
  readonly simStart: number;
  readonly speed: number;
}

export function createClock(speed: number, wallClock: () => number): DemoClock {
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`demo speed must be a positive number, got ${speed}`);
  const wallStart = wallClock();
  const simStart = Math.floor(wallStart);
  return {
    simStart,
    speed,
    now: () => simStart + Math.floor((wallClock() - wallStart) * speed),
  };
}
