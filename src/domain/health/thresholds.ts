// What "over threshold" means for a metric series, once: the Metrics pane's colour, the verdict's
// DEGRADED and the metric-below check agree on the value judged and the direction.
import type { MetricSeries } from '../model.js';

/** The value shown as "now": the series' own current, else its newest point. */
export const currentOf = (m: MetricSeries): number | undefined => m.current ?? m.points.at(-1)?.v;

/** Thresholds are upper bounds, as runbooks write them ("p99 < 500 ms"): a value at the limit is over it. */
export const isBelow = (v: number, limit: number): boolean => v < limit;

export const overThreshold = (m: MetricSeries): boolean => {
  const v = currentOf(m);
  return v !== undefined && m.threshold !== undefined && !isBelow(v, m.threshold);
};
