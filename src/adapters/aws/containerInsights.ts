// Per-task CPU and memory from Container Insights with enhanced observability: the task-level
// metrics in ECS/ContainerInsights carry ClusterName, TaskDefinitionFamily and TaskId (the
// dimension set the console's own task dashboards query). Utilised ÷ reserved is computed here,
// not by metric math: moto answers expressions with no values, and it costs no extra metric.
import { paginateGetMetricData, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricPoint } from '../../domain/model.js';
import { rethrowIfAborted } from './ecsUtil.js';
import { collectPoints } from './metricQueries.js';

export interface InsightsTask {
  /** The last part of the task ARN, as the TaskId dimension has it. */
  id: string;
  family: string;
}

export interface TaskUsage {
  cpuPct?: number;
  memoryPct?: number;
}

const NAMESPACE = 'ECS/ContainerInsights';
const PAIRS = [
  { key: 'cpu', used: 'CpuUtilized', reserved: 'CpuReserved' },
  { key: 'mem', used: 'MemoryUtilized', reserved: 'MemoryReserved' },
] as const;
/** Four metrics a task: 100 tasks fill 400 of one GetMetricData's 500 queries. */
export const INSIGHTS_MAX_TASKS = 100;
/** The newest complete minute is usually one to three minutes old. */
const LOOKBACK_MS = 5 * 60_000;
/**
 * Every metric requested is billed ($0.01 per 1,000): at one read in five minutes a task costs 4
 * metrics × 24 reads ≈ $0.001 per two-hour watch. Utilisation for a task list need not be fresher.
 */
const FRESH_MS = 5 * 60_000;
/** After no data (insights off, or the read failed), ask again rarely. */
const RETRY_MS = 10 * 60_000;

const queryOf = (cluster: string, t: InsightsTask, Id: string, MetricName: string): MetricDataQuery => ({
  Id,
  ReturnData: true,
  MetricStat: {
    Metric: {
      Namespace: NAMESPACE,
      MetricName,
      Dimensions: [
        { Name: 'ClusterName', Value: cluster },
        { Name: 'TaskDefinitionFamily', Value: t.family },
        { Name: 'TaskId', Value: t.id },
      ],
    },
    Period: 60,
    Stat: 'Average',
  },
});

/** Ids are positional (`cpuu0`, `cpur0`, `memu0`…): a task id may not be a valid query id. */
export function insightsQueries(cluster: string, tasks: readonly InsightsTask[]): MetricDataQuery[] {
  return tasks.flatMap((t, i) =>
    PAIRS.flatMap((p) => [
      queryOf(cluster, t, `${p.key}u${i}`, p.used),
      queryOf(cluster, t, `${p.key}r${i}`, p.reserved),
    ]),
  );
}

/** Utilised ÷ reserved × 100 at the newest minute that has both, the reservation non-zero. */
function percent(used: readonly MetricPoint[] = [], reserved: readonly MetricPoint[] = []): number | undefined {
  const res = new Map(reserved.filter((p) => p.v > 0).map((p) => [p.t, p.v]));
  const newest = used.filter((p) => res.has(p.t)).sort((a, b) => b.t - a.t)[0];
  return newest ? (newest.v / res.get(newest.t)!) * 100 : undefined;
}

/** Results by query id → usage by task id; tasks without data are left out. */
export function usageFrom(
  points: ReadonlyMap<string, MetricPoint[]>,
  tasks: readonly InsightsTask[],
): Map<string, TaskUsage> {
  const out = new Map<string, TaskUsage>();
  tasks.forEach((t, i) => {
    const cpuPct = percent(points.get(`cpuu${i}`), points.get(`cpur${i}`));
    const memoryPct = percent(points.get(`memu${i}`), points.get(`memr${i}`));
    if (cpuPct !== undefined || memoryPct !== undefined)
      out.set(t.id, { ...(cpuPct !== undefined && { cpuPct }), ...(memoryPct !== undefined && { memoryPct }) });
  });
  return out;
}

export class ContainerInsights {
  /** The last answer and when it was asked; usage undefined: no data then. */
  private last?: { at: number; usage?: Map<string, TaskUsage> };

  constructor(
    private readonly cw: CloudWatchClient,
    private readonly cluster: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Usage by task id of up to INSIGHTS_MAX_TASKS tasks, undefined when there is none. Never fails
   * but for an abort: per-task figures are extra, and their absence must not hide the task list.
   */
  async usage(tasks: readonly InsightsTask[], signal: AbortSignal): Promise<Map<string, TaskUsage> | undefined> {
    const now = this.now();
    if (this.last && now - this.last.at < (this.last.usage ? FRESH_MS : RETRY_MS)) return this.last.usage;
    const asked = tasks.slice(0, INSIGHTS_MAX_TASKS);
    if (!asked.length) return undefined;
    let usage: Map<string, TaskUsage> | undefined;
    try {
      const points = new Map<string, MetricPoint[]>();
      const input = {
        MetricDataQueries: insightsQueries(this.cluster, asked),
        StartTime: new Date(now - LOOKBACK_MS),
        EndTime: new Date(now),
      };
      for await (const page of paginateGetMetricData({ client: this.cw }, input, { abortSignal: signal }))
        collectPoints(page.MetricDataResults ?? [], points);
      const found = usageFrom(points, asked);
      usage = found.size ? found : undefined;
    } catch (e) {
      rethrowIfAborted(e, signal);
    }
    this.last = { at: now, usage };
    return usage;
  }
}
