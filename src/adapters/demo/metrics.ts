// Per-minute metric samples derived from the fleet's health, and the series the Metrics pane draws.
import type { MetricPoint, MetricSeries } from '../../domain/model.js';
import { DESIRED } from './catalog.js';
import { jitter, type Rng, rngAt } from './random.js';

export const MINUTE = 60_000;

export interface Sample {
  cpu: number;
  memory: number;
  '5xx': number;
  requests: number;
  p99: number;
  healthy: number;
  unhealthy: number;
}

/** What the fleet looks like to the load balancer and CloudWatch at one instant. */
export interface Health {
  serving: number;
  /** Share of serving tasks on the new release (it uses a little more memory). */
  releaseShare: number;
  /** Mean of the serving tasks' badness, 0..1. */
  badness: number;
  /** Tasks starting up (pulling, booting, warming caches): they cost CPU before they serve. */
  warming: number;
}

export const STEADY: Health = { serving: DESIRED, releaseShare: 0, badness: 0, warming: 0 };

const round = (v: number, digits = 1) => Number(v.toFixed(digits));

/**
 * CPU and memory (percent of the reservation) for a health: the service's average in the samples, a
 * single task's in the Tasks view (its own badness, 1 or 0 for release share and warming).
 */
export function usageFrom(h: Omit<Health, 'serving'>, rng: Rng): { cpu: number; memory: number } {
  const cpu = round(21 + 2 * h.warming + 24 * h.badness + jitter(rng, 2));
  const memory = round(41 + 6 * h.releaseShare + 15 * h.badness + jitter(rng, 1.2));
  return { cpu, memory };
}

export function sampleFrom(h: Health, rng: Rng): Sample {
  // Every draw happens unconditionally so the stream stays aligned whatever the health.
  const requests = Math.round(1200 * (1 + jitter(rng, 0.06)));
  const stray5xx = rng() < 0.25 ? 1 : 0;
  // A failing request times out upstream, so the tail latency climbs much faster than the error rate.
  const p99 = round(175 * (1 + 6 * h.badness) * (1 + jitter(rng, 0.08)));
  const { cpu, memory } = usageFrom(h, rng);
  return {
    cpu,
    memory,
    '5xx': Math.round(requests * 0.05 * h.badness) + stray5xx,
    requests,
    p99,
    healthy: Math.round(h.serving),
    unhealthy: 0,
  };
}

/** A minute's sample: a pure function of seed, minute and the fleet's average health over it. */
export const minuteSample = (seed: number, minute: number, h: Health): Sample =>
  sampleFrom(h, rngAt(seed, 0x3e7a1c, minute));

/** Minutes before the simulation began: a quiet, steady service. */
export const historicSample = (seed: number, minute: number): Sample => minuteSample(seed, minute, STEADY);

interface SeriesDef {
  id: string;
  label: string;
  unit: string;
  threshold?: number;
  /** The minute's value; undefined is a gap (no point). */
  read: (s: Sample) => number | undefined;
}

const field =
  (k: keyof Sample) =>
  (s: Sample): number =>
    s[k];

const SERIES: SeriesDef[] = [
  { id: 'cpu', label: 'CPU', unit: 'Percent', threshold: 70, read: field('cpu') },
  { id: 'memory', label: 'Memory', unit: 'Percent', threshold: 80, read: field('memory') },
  { id: '5xx', label: '5xx', unit: 'Count', threshold: 5, read: field('5xx') },
  // As the AWS adapter computes it: a minute without requests has no rate, not 0 %.
  {
    id: '5xxRate',
    label: '5xx %',
    unit: 'Percent',
    threshold: 1,
    read: (s) => (s.requests > 0 ? round((s['5xx'] / s.requests) * 100, 2) : undefined),
  },
  { id: 'requests', label: 'Requests', unit: 'Count', read: field('requests') },
  { id: 'p99', label: 'p99', unit: 'Milliseconds', threshold: 500, read: field('p99') },
  { id: 'healthy', label: 'Healthy', unit: 'Count', read: field('healthy') },
];

export const minuteOf = (t: number): number => Math.floor(t / MINUTE);

const pointsOf = (def: SeriesDef, minutes: readonly number[], samples: readonly Sample[]): MetricPoint[] =>
  minutes.flatMap((m, i) => {
    const v = def.read(samples[i]!);
    return v === undefined ? [] : [{ t: m * MINUTE, v }];
  });

/**
 * One point per minute from the minute of releaseStart up to `until`, capped at the watch window.
 * Points sit on minute boundaries as CloudWatch's do (it rounds StartTime down to the period), so the
 * first one may be a little before releaseStart. The baseline is the mean over a whole window before
 * that minute, so it does not wander as the window fills; its points are that window's, oldest first.
 */
export function buildSeries(
  releaseStart: number,
  until: number,
  windowMs: number,
  sampleAt: (minute: number) => Sample,
): MetricSeries[] {
  const first = minuteOf(releaseStart);
  const last = minuteOf(Math.min(until, releaseStart + windowMs));
  const minutes = Array.from({ length: until >= releaseStart ? last - first + 1 : 0 }, (_, i) => first + i);
  const now = minutes.map(sampleAt);
  const span = Math.round(windowMs / MINUTE);
  const beforeMinutes = Array.from({ length: span }, (_, i) => first - span + i);
  const before = beforeMinutes.map(sampleAt);
  return SERIES.map((def) => {
    const points = pointsOf(def, minutes, now);
    const baselinePoints = pointsOf(def, beforeMinutes, before);
    const baseline = baselinePoints.length
      ? round(baselinePoints.reduce((s, p) => s + p.v, 0) / baselinePoints.length, 2)
      : undefined;
    return {
      id: def.id,
      label: def.label,
      unit: def.unit,
      points,
      current: points.at(-1)?.v,
      threshold: def.threshold,
      baseline,
      baselinePoints,
    };
  });
}
