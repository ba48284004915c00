// The Metrics pane from CloudWatch: one GetMetricData request per refresh for every series (every
// target group's too), the stretch before the release fetched once (in the first refresh's
// request) and cached: its average as the baseline, its points for the verdict's rank test.
import { paginateGetMetricData, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { MetricPoint, MetricSeries, ServiceSnapshot } from '../../domain/model.js';
import { isAccessDenied, isCredentialsProblem, isThrottle } from './awsErrors.js';
import {
  average,
  choosePeriod,
  collectPoints,
  elbDimensions,
  floorMinute,
  isPercentile,
  normalise,
  queryId,
  ratioPoints,
  seriesSpecs,
  specKey,
  targetGroupName,
  toQueries,
  toSeries,
  type ElbDims,
  type ExtraMetric,
  type SeriesSpec,
  type TargetGroupDims,
} from './metricQueries.js';

export type { ExtraMetric } from './metricQueries.js';

export interface MetricsReaderOptions {
  cluster: string;
  service: string;
  extra?: ExtraMetric[];
  /** Threshold overrides by series id (cpu, memory, 5xx, 5xxRate, requests, p99, healthy, x0…); a plain id covers every target group's. */
  thresholds?: Partial<Record<string, number>>;
  windowMs: number;
  now?: () => number;
}

const MIN_BASELINE_MS = 30 * 60_000;

/** A series' stretch before T+0: oldest first, in the series' unit; average undefined = fetched, no data. */
interface Before {
  average?: number;
  points: MetricPoint[];
}

interface Baseline {
  releaseStart: number;
  /** Fixed at the first refresh so the baseline does not wander. */
  lengthMs: number;
  /** By specKey. */
  values: Map<string, Before>;
}

export class MetricsReader {
  private readonly now: () => number;
  /** Target group ARN → its load balancer's ARN (null: none). Target groups do not move. */
  private readonly lbOfTargetGroup = new Map<string, string | null>();
  private baseline?: Baseline;

  constructor(
    private readonly cw: CloudWatchClient,
    private readonly elb: ElasticLoadBalancingV2Client,
    private readonly opts: MetricsReaderOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  async get(releaseStart: number, lbs: ServiceSnapshot['loadBalancers'], signal: AbortSignal): Promise<MetricSeries[]> {
    const now = this.now();
    const windowStart = floorMinute(releaseStart);
    const periodS = choosePeriod(now - windowStart);
    const specs = seriesSpecs(this.opts, await this.targetGroups(lbs, signal));
    const byId = new Map(specs.map((s) => [s.id, s]));
    const base = this.baselineFor(releaseStart, now - windowStart, periodS);
    // Series seen for the first time (all of them on the first refresh) need the time before the
    // release too: widen this refresh's one request rather than sending a second one.
    const missing = new Set(
      specs.filter((s) => {
        const key = specKey(s, byId);
        return key !== undefined && !base.values.has(key);
      }),
    );
    const start = missing.size ? windowStart - base.lengthMs : windowStart;
    const raw = now > start ? await this.fetch(specs, start, now, periodS, signal) : new Map<string, MetricPoint[]>();
    const all = seriesPoints(specs, raw);
    return specs.map((spec) => {
      const key = specKey(spec, byId);
      const points = all.get(spec.id) ?? [];
      if (key && missing.has(spec)) {
        const stretch = points.filter((p) => p.t < windowStart);
        base.values.set(key, { average: average(stretch), points: stretch });
      }
      const before = key ? base.values.get(key) : undefined;
      return toSeries(
        spec,
        points.filter((p) => p.t >= windowStart),
        before?.average,
        before?.points,
      );
    });
  }

  private baselineFor(releaseStart: number, elapsedMs: number, periodS: number): Baseline {
    if (this.baseline?.releaseStart !== releaseStart) {
      // As long as the window so far, at least 30 min, at most the watch window; whole periods so
      // that the buckets before the release line up with the ones after it.
      const len = Math.min(Math.max(elapsedMs, MIN_BASELINE_MS), Math.max(this.opts.windowMs, MIN_BASELINE_MS));
      const lengthMs = Math.ceil(len / (periodS * 1000)) * periodS * 1000;
      this.baseline = { releaseStart, lengthMs, values: new Map() };
    }
    return this.baseline;
  }

  /**
   * One GetMetricData (more only if CloudWatch pages it). If the request fails while it holds
   * percentile queries, it is retried once without them and they show no data: moto answers 500 to
   * the whole request for a percentile with data, and on AWS one unsupported percentile statistic
   * must not blank every series either. Throttling, access and credential errors are not retried here.
   */
  private async fetch(
    specs: SeriesSpec[],
    start: number,
    end: number,
    periodS: number,
    signal: AbortSignal,
  ): Promise<Map<string, MetricPoint[]>> {
    const queries = toQueries(specs, periodS);
    try {
      return await this.getMetricData(queries, start, end, signal);
    } catch (e) {
      const plain = queries.filter((q) => !isPercentile(q.MetricStat?.Stat ?? ''));
      if (
        signal.aborted ||
        plain.length === queries.length ||
        isThrottle(e) ||
        isAccessDenied(e) ||
        isCredentialsProblem(e)
      )
        throw e;
      return this.getMetricData(plain, start, end, signal);
    }
  }

  private async getMetricData(
    queries: MetricDataQuery[],
    start: number,
    end: number,
    signal: AbortSignal,
  ): Promise<Map<string, MetricPoint[]>> {
    const points = new Map<string, MetricPoint[]>();
    if (!queries.length) return points;
    const input = {
      MetricDataQueries: queries,
      StartTime: new Date(start),
      EndTime: new Date(end),
      ScanBy: 'TimestampAscending' as const,
    };
    for await (const page of paginateGetMetricData({ client: this.cw }, input, { abortSignal: signal }))
      collectPoints(page.MetricDataResults ?? [], points);
    return points;
  }

  /** Each of the service's target groups once, in the service's order; undefined: it has none. */
  private async targetGroups(
    lbs: ServiceSnapshot['loadBalancers'],
    signal: AbortSignal,
  ): Promise<TargetGroupDims[] | undefined> {
    const arns = [...new Set((lbs ?? []).flatMap((l) => (l.targetGroupArn ? [l.targetGroupArn] : [])))];
    if (!arns.length) return undefined;
    return Promise.all(
      arns.map(async (arn, i) => ({
        name: targetGroupName(arn) ?? `tg${i + 1}`,
        dims: await this.elbDims(arn, signal),
      })),
    );
  }

  /**
   * ApplicationELB dimensions of a target group. null: its load balancer is unknown (none attached,
   * a Network Load Balancer, or the lookup failed — retried next refresh, while the other series
   * still show).
   */
  private async elbDims(tg: string, signal: AbortSignal): Promise<ElbDims | null> {
    if (!this.lbOfTargetGroup.has(tg)) {
      try {
        const out = await this.elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg] }), {
          abortSignal: signal,
        });
        this.lbOfTargetGroup.set(tg, out.TargetGroups?.[0]?.LoadBalancerArns?.[0] ?? null);
      } catch (e) {
        if (signal.aborted || isThrottle(e) || isCredentialsProblem(e)) throw e;
        return null;
      }
    }
    const lb = this.lbOfTargetGroup.get(tg);
    return lb ? (elbDimensions(tg, lb) ?? null) : null;
  }
}

/** Each series' points, oldest first in its unit: queried ones from the results, computed ones from their inputs. */
function seriesPoints(specs: readonly SeriesSpec[], raw: Map<string, MetricPoint[]>): Map<string, MetricPoint[]> {
  const all = new Map<string, MetricPoint[]>();
  for (const s of specs) if (s.metric) all.set(s.id, normalise(raw.get(queryId(s.id)) ?? [], s.scale));
  for (const s of specs) if (s.ratio) all.set(s.id, ratioPoints(all.get(s.ratio.of) ?? [], all.get(s.ratio.per) ?? []));
  return all;
}
