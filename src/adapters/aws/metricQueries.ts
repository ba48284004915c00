// Pure parts of the metrics reader: which series to ask CloudWatch for, the GetMetricData queries,
// the ELB dimensions from ARNs, and GetMetricData results → domain series.
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MetricPoint, MetricSeries } from '../../domain/model.js';

/** A custom series from the config file. */
export interface ExtraMetric {
  label: string;
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  stat: string;
  unit: string;
  threshold?: number;
}

export interface MetricRef {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  stat: string;
}

/** One series of the pane; `metric` is absent when it cannot be queried (its dimensions are unknown). */
export interface SeriesSpec {
  id: string;
  label: string;
  unit: string;
  threshold?: number;
  metric?: MetricRef;
  /** Multiplies every value: TargetResponseTime comes in seconds and is shown in ms. */
  scale?: number;
}

/** The ApplicationELB dimensions of a target group: `targetgroup/<name>/<id>`, `app/<name>/<id>`. */
export interface ElbDims {
  TargetGroup: string;
  LoadBalancer: string;
}

export interface SpecOptions {
  cluster: string;
  service: string;
  extra?: ExtraMetric[];
  thresholds?: Partial<Record<string, number>>;
}

/** The runbook's defaults; config may override any of them by series id. */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = { cpu: 70, memory: 80, p99: 500 };

const MINUTE = 60_000;
/** Keep at most ~1440 points per series: one a minute for a day, coarser beyond. */
const MAX_POINTS = 1440;
/** Periods CloudWatch accepts for old data too (multiples of 300 s past 15 days, of 3600 s past 63). */
const PERIODS_S = [60, 300, 900, 3600, 21_600, 86_400];

export const floorMinute = (t: number): number => Math.floor(t / MINUTE) * MINUTE;

export function choosePeriod(spanMs: number): number {
  return PERIODS_S.find((p) => spanMs / (p * 1000) <= MAX_POINTS) ?? PERIODS_S.at(-1)!;
}

/** The part of an ARN after `marker`, keeping the marker: `arn:…:targetgroup/web/abc` → `targetgroup/web/abc`. */
const arnTail = (arn: string, marker: string): string | undefined => {
  const i = arn.indexOf(marker);
  return i < 0 ? undefined : arn.slice(i);
};

/**
 * Dimensions for AWS/ApplicationELB from a target group ARN and its load balancer's ARN
 * (`arn:…:loadbalancer/app/<name>/<id>`). Undefined for a Network Load Balancer (`net/…`),
 * whose metrics live in another namespace, or for anything that is not an ELBv2 ARN.
 */
export function elbDimensions(targetGroupArn: string, loadBalancerArn: string): ElbDims | undefined {
  const tg = arnTail(targetGroupArn, ':targetgroup/')?.slice(1);
  const lb = arnTail(loadBalancerArn, ':loadbalancer/app/')?.slice(':loadbalancer/'.length);
  return tg && lb ? { TargetGroup: tg, LoadBalancer: lb } : undefined;
}

const withThreshold = (s: SeriesSpec, thresholds: SpecOptions['thresholds']): SeriesSpec => {
  const threshold = thresholds?.[s.id] ?? s.threshold ?? DEFAULT_THRESHOLDS[s.id];
  return threshold === undefined ? s : { ...s, threshold };
};

/**
 * The series of a refresh: ECS CPU and memory; the target group's when the service has one
 * (`elb` null: it has one, but its dimensions are unknown yet, so those series show no data);
 * then the config's extras as x0, x1, …
 */
export function seriesSpecs(o: SpecOptions, elb: ElbDims | null | undefined): SeriesSpec[] {
  const ecs = { ClusterName: o.cluster, ServiceName: o.service };
  const alb = (name: string, stat: string) =>
    elb ? { metric: { namespace: 'AWS/ApplicationELB', name, dimensions: { ...elb }, stat } } : {};
  const specs: SeriesSpec[] = [
    {
      id: 'cpu',
      label: 'CPU',
      unit: '%',
      metric: { namespace: 'AWS/ECS', name: 'CPUUtilization', dimensions: ecs, stat: 'Average' },
    },
    {
      id: 'memory',
      label: 'Memory',
      unit: '%',
      metric: { namespace: 'AWS/ECS', name: 'MemoryUtilization', dimensions: ecs, stat: 'Average' },
    },
  ];
  if (elb !== undefined) {
    specs.push(
      { id: '5xx', label: '5xx', unit: 'count', ...alb('HTTPCode_Target_5XX_Count', 'Sum') },
      { id: 'requests', label: 'Requests', unit: 'count', ...alb('RequestCount', 'Sum') },
      { id: 'p99', label: 'p99', unit: 'ms', scale: 1000, ...alb('TargetResponseTime', 'p99') },
      // Minimum, not Average: a host that drops out for part of a minute should show.
      { id: 'healthy', label: 'Healthy', unit: 'count', ...alb('HealthyHostCount', 'Minimum') },
    );
  }
  (o.extra ?? []).forEach((x, i) =>
    specs.push({
      id: `x${i}`,
      label: x.label,
      unit: x.unit,
      threshold: x.threshold,
      metric: { namespace: x.namespace, name: x.name, dimensions: x.dimensions, stat: x.stat },
    }),
  );
  return specs.map((s) => withThreshold(s, o.thresholds));
}

/** Percentiles and their relatives (p99, tm90, wm99, tc(…), ts(…), pr(…), iqm). */
export const isPercentile = (stat: string): boolean => /^(p\d|tm|wm|tc|ts|pr|iqm)/i.test(stat);

/** Query ids must start with a lower-case letter: `5xx` becomes `m_5xx`. */
export const queryId = (seriesId: string): string => `m_${seriesId.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** Identity of a metric for the baseline cache: the same metric keeps its baseline across refreshes. */
export const metricKey = (m: MetricRef): string =>
  JSON.stringify([m.namespace, m.name, m.stat, Object.entries(m.dimensions).sort(([a], [b]) => (a < b ? -1 : 1))]);

/** No Unit filter on purpose: a mismatch would silently return nothing. */
export function toQueries(specs: readonly SeriesSpec[], periodS: number): MetricDataQuery[] {
  return specs.flatMap(({ id, metric: m }) =>
    m
      ? [
          {
            Id: queryId(id),
            ReturnData: true,
            MetricStat: {
              Metric: {
                Namespace: m.namespace,
                MetricName: m.name,
                Dimensions: Object.entries(m.dimensions).map(([Name, Value]) => ({ Name, Value })),
              },
              Period: periodS,
              Stat: m.stat,
            },
          },
        ]
      : [],
  );
}

/** Appends the points of each result (pages may split a series) under its query id. */
export function collectPoints(results: readonly MetricDataResult[], into: Map<string, MetricPoint[]>): void {
  for (const r of results) {
    if (!r.Id) continue;
    const pts = into.get(r.Id) ?? [];
    (r.Timestamps ?? []).forEach((t, i) => {
      const v = r.Values?.[i];
      if (v !== undefined && Number.isFinite(v)) pts.push({ t: t.getTime(), v });
    });
    into.set(r.Id, pts);
  }
}

/** Oldest first, whatever order the server used, scaled to the series' unit. */
export function normalise(points: readonly MetricPoint[], scale = 1): MetricPoint[] {
  return [...points].sort((a, b) => a.t - b.t).map((p) => ({ t: p.t, v: p.v * scale }));
}

export const average = (points: readonly MetricPoint[]): number | undefined =>
  points.length ? points.reduce((s, p) => s + p.v, 0) / points.length : undefined;

export function toSeries(spec: SeriesSpec, points: MetricPoint[], baseline: number | undefined): MetricSeries {
  const s: MetricSeries = { id: spec.id, label: spec.label, unit: spec.unit, points };
  if (points.length) s.current = points.at(-1)!.v;
  if (spec.threshold !== undefined) s.threshold = spec.threshold;
  if (baseline !== undefined) s.baseline = baseline;
  return s;
}
