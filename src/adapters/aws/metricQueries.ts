// Pure parts of the metrics reader: which series to ask CloudWatch for (each target group's), the
// GetMetricData queries, the ELB dimensions from ARNs, the series computed from two others (the 5xx
// rate), and GetMetricData results → domain series.
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
  /** The target group's name, on its load-balancer series when the service has several. */
  targetGroup?: string;
  /** Computed from two other series bucket by bucket, `of` ÷ `per` × 100, instead of queried. */
  ratio?: { of: string; per: string };
}

/** The ApplicationELB dimensions of a target group: `targetgroup/<name>/<id>`, `app/<name>/<id>`. */
export interface ElbDims {
  TargetGroup: string;
  LoadBalancer: string;
}

/** One of the service's target groups: its name and its dimensions (null: not known yet). */
export interface TargetGroupDims {
  name: string;
  dims: ElbDims | null;
}

export interface SpecOptions {
  cluster: string;
  service: string;
  extra?: ExtraMetric[];
  thresholds?: Partial<Record<string, number>>;
}

/** The runbook's defaults; config may override any of them by series id. */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = { cpu: 70, memory: 80, p99: 500, '5xxRate': 1 };

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

/** `targetgroup/<name>/<id>` in an ELBv2 ARN → name. */
export const targetGroupName = (arn: string): string | undefined => /:targetgroup\/([^/]+)\//.exec(arn)?.[1];

/** `5xx@web-admin` → `5xx`: a further target group's series takes its thresholds from the plain id. */
const baseId = (id: string): string => id.split('@')[0]!;

const withThreshold = (s: SeriesSpec, thresholds: SpecOptions['thresholds']): SeriesSpec => {
  const threshold = thresholds?.[s.id] ?? thresholds?.[baseId(s.id)] ?? s.threshold ?? DEFAULT_THRESHOLDS[baseId(s.id)];
  return threshold === undefined ? s : { ...s, threshold };
};

/**
 * One target group's series; ids get `suffix`. The 5xx rate is computed from 5xx and requests here
 * rather than by metric math: it costs no extra metric, and moto answers expressions with no values.
 */
function targetGroupSpecs(tg: TargetGroupDims, suffix: string, shared: boolean): SeriesSpec[] {
  const alb = (name: string, stat: string) =>
    tg.dims ? { metric: { namespace: 'AWS/ApplicationELB', name, dimensions: { ...tg.dims }, stat } } : {};
  const id = (base: string) => `${base}${suffix}`;
  const group = shared ? { targetGroup: tg.name } : {};
  return [
    { id: id('5xx'), label: '5xx', unit: 'count', ...group, ...alb('HTTPCode_Target_5XX_Count', 'Sum') },
    { id: id('5xxRate'), label: '5xx %', unit: 'Percent', ...group, ratio: { of: id('5xx'), per: id('requests') } },
    { id: id('requests'), label: 'Requests', unit: 'count', ...group, ...alb('RequestCount', 'Sum') },
    { id: id('p99'), label: 'p99', unit: 'ms', scale: 1000, ...group, ...alb('TargetResponseTime', 'p99') },
    // Minimum, not Average: a host that drops out for part of a minute should show.
    { id: id('healthy'), label: 'Healthy', unit: 'count', ...group, ...alb('HealthyHostCount', 'Minimum') },
  ];
}

/**
 * The series of a refresh: ECS CPU and memory; each target group's (the first with the plain ids,
 * each further one's suffixed `@<name>`; `dims` null: its dimensions are unknown yet, so its series
 * show no data); then the config's extras as x0, x1, …
 */
export function seriesSpecs(o: SpecOptions, targetGroups: readonly TargetGroupDims[] | undefined): SeriesSpec[] {
  const ecs = { ClusterName: o.cluster, ServiceName: o.service };
  const tgs = targetGroups ?? [];
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
  tgs.forEach((tg, i) => specs.push(...targetGroupSpecs(tg, i ? `@${tg.name}` : '', tgs.length > 1)));
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

/** A spec's baseline cache key: its metric's, or for a computed series its inputs'; undefined: nothing to cache. */
export function specKey(spec: SeriesSpec, byId: ReadonlyMap<string, SeriesSpec>): string | undefined {
  if (spec.metric) return metricKey(spec.metric);
  if (!spec.ratio) return undefined;
  const of = byId.get(spec.ratio.of)?.metric;
  const per = byId.get(spec.ratio.per)?.metric;
  return of && per ? JSON.stringify(['ratio', metricKey(of), metricKey(per)]) : undefined;
}

/**
 * `of` ÷ `per` × 100 per bucket of `per`. A bucket without requests is a gap, not 0 %; a bucket with
 * requests but no 5xx datapoint is 0 % (the load balancer reports no 5xx count when there were none).
 */
export function ratioPoints(of: readonly MetricPoint[], per: readonly MetricPoint[]): MetricPoint[] {
  const num = new Map(of.map((p) => [p.t, p.v]));
  return per.filter((p) => p.v > 0).map((p) => ({ t: p.t, v: ((num.get(p.t) ?? 0) / p.v) * 100 }));
}

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

export function toSeries(
  spec: SeriesSpec,
  points: MetricPoint[],
  baseline: number | undefined,
  baselinePoints?: MetricPoint[],
): MetricSeries {
  const s: MetricSeries = { id: spec.id, label: spec.label, unit: spec.unit, points };
  if (points.length) s.current = points.at(-1)!.v;
  if (spec.threshold !== undefined) s.threshold = spec.threshold;
  if (baseline !== undefined) s.baseline = baseline;
  if (baselinePoints) s.baselinePoints = baselinePoints;
  if (spec.targetGroup) s.targetGroup = spec.targetGroup;
  return s;
}
