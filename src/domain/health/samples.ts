// Which points of a series the verdict compares: the window since T+0, and a baseline of the same
// length just before it. Equal lengths keep the comparison fair while the window is young; a
// minimum count keeps the rank test from running on two points in the first minute.
import type { MetricPoint } from '../model.js';

/** A missing sample comes back as NaN (or ±Infinity from a division by zero): a gap, not a value. */
const finite = (points: readonly MetricPoint[]): MetricPoint[] => points.filter((p) => Number.isFinite(p.v));

/** Values of the points in [releaseStart, now], gaps skipped. */
export function windowValues(points: readonly MetricPoint[], releaseStart: number, now: number): number[] {
  return finite(points)
    .filter((p) => p.t >= releaseStart && p.t <= now)
    .map((p) => p.v);
}

/**
 * Values of the points before T+0 covering as long as the window so far (t ≥ releaseStart −
 * (now − releaseStart)), gaps skipped; the newest `minPoints` of them when that stretch holds
 * fewer, so a release a minute old still has a baseline to be compared with.
 */
export function baselineValues(
  points: readonly MetricPoint[],
  releaseStart: number,
  now: number,
  minPoints: number,
): number[] {
  const before = finite(points).filter((p) => p.t < releaseStart);
  const from = releaseStart - Math.max(0, now - releaseStart);
  const sameLength = before.filter((p) => p.t >= from);
  const chosen = sameLength.length >= minPoints ? sameLength : before.slice(-minPoints);
  return chosen.map((p) => p.v);
}
