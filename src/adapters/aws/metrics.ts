// The Metrics pane from CloudWatch: one GetMetricData request per refresh for every series, the
// baseline before the release fetched once (in the first refresh's request) and cached.
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
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
  metricKey,
  normalise,
  queryId,
  seriesSpecs,
  toQueries,
  toSeries,
  type ElbDims,
  type ExtraMetric,
  type SeriesSpec,
} from './metricQueries.js';

export type { ExtraMetric } from './metricQueries.js';

export interface MetricsReaderOptions {
  cluster: string;
  service: string;
  extra?: ExtraMetric[];
  /** Threshold overrides by series id (cpu, memory, 5xx, requests, p99, healthy, x0…). */
  thresholds?: Partial<Record<string, number>>;
  windowMs: number;
  now?: () => number;
}

const MIN_BASELINE_MS = 30 * 60_000;

interface Baseline {
  releaseStart: number;
  /** Fixed at the first refresh so the baseline does not wander. */
  lengthMs: number;
  /** By metricKey; undefined value = fetched, no data. */
  values: Map<string, number | undefined>;
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
    const specs = seriesSpecs(this.opts, await this.elbDims(lbs, signal));
    const base = this.baselineFor(releaseStart, now - windowStart, periodS);
    // Series seen for the first time (all of them on the first refresh) need the time before the
    // release too: widen this refresh's one request rather than sending a second one.
    const missing = specs.filter((s) => s.metric && !base.values.has(metricKey(s.metric)));
    const start = missing.length ? windowStart - base.lengthMs : windowStart;
    const points =
      now > start ? await this.fetch(specs, start, now, periodS, signal) : new Map<string, MetricPoint[]>();
    return specs.map((spec) => {
      const all = normalise(points.get(queryId(spec.id)) ?? [], spec.scale);
      const key = spec.metric && metricKey(spec.metric);
      if (key && missing.includes(spec)) base.values.set(key, average(all.filter((p) => p.t < windowStart)));
      return toSeries(
        spec,
        all.filter((p) => p.t >= windowStart),
        key ? base.values.get(key) : undefined,
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
    let NextToken: string | undefined;
    do {
      const input = {
        MetricDataQueries: queries,
        StartTime: new Date(start),
        EndTime: new Date(end),
        ScanBy: 'TimestampAscending' as const,
        NextToken,
      };
      const out = await this.cw.send(new GetMetricDataCommand(input), { abortSignal: signal });
      collectPoints(out.MetricDataResults ?? [], points);
      NextToken = out.NextToken;
    } while (NextToken);
    return points;
  }

  /**
   * ApplicationELB dimensions of the service's first target group. undefined: no target group;
   * null: it has one but its load balancer is unknown (none attached, a Network Load Balancer, or
   * the lookup failed — retried next refresh, while CPU and memory still show).
   */
  private async elbDims(
    lbs: ServiceSnapshot['loadBalancers'],
    signal: AbortSignal,
  ): Promise<ElbDims | null | undefined> {
    const tg = lbs?.find((l) => l.targetGroupArn)?.targetGroupArn;
    if (!tg) return undefined;
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
