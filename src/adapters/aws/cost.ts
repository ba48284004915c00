// The Cost pane's data from Cost Explorer.
//
// Days are UTC days: Cost Explorer buckets cost by UTC date, so "today" is the UTC date (it starts at
// 00:00 UTC whatever the local time zone) and its cost is partial. Dates are YYYY-MM-DD, Start
// inclusive, End exclusive.
//
// Requests per refresh (each billed $0.01): one GetCostAndUsage, DAILY by SERVICE, from the earlier
// of the 1st of the month and 6 days ago up to tomorrow — the 7 days shown and the month to date
// in one call (more only if AWS pages the answer) — plus one GetCostForecast, skipped on the last
// day of the month. So 2 requests, 1 on the last day; none while the cache is fresh.
import {
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type CostExplorerClient,
  type GetCostAndUsageCommandInput,
  type GetCostForecastCommandInput,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import type { CostSummary, DailyCost } from '../../domain/model.js';
import { CostCache, defaultCacheDir, type CachedCost } from './costCache.js';

export const WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
const METRIC = 'UnblendedCost';
/** A runaway NextPageToken must not run up the bill. */
const MAX_PAGES = 20;

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => utcDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;
function firstOfNextMonth(day: string): string {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return utcDay(d.getTime());
}

export interface CostPlan {
  today: string;
  windowStart: string;
  monthStart: string;
  usage: GetCostAndUsageCommandInput;
  /** Absent on the last day of the month: the forecast would cover no day after today's. */
  forecast?: GetCostForecastCommandInput;
}

export function planCostRequests(now: number): CostPlan {
  const today = utcDay(now);
  const tomorrow = addDays(today, 1);
  const windowStart = addDays(today, 1 - WINDOW_DAYS);
  const monthStart = firstOfMonth(today);
  const nextMonth = firstOfNextMonth(today);
  const usage: GetCostAndUsageCommandInput = {
    // YYYY-MM-DD strings compare in date order.
    TimePeriod: { Start: monthStart < windowStart ? monthStart : windowStart, End: tomorrow },
    Granularity: 'DAILY',
    Metrics: [METRIC],
    GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
  };
  const forecast: GetCostForecastCommandInput | undefined =
    tomorrow === nextMonth
      ? undefined
      : { TimePeriod: { Start: today, End: nextMonth }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' };
  return { today, windowStart, monthStart, usage, forecast };
}

interface DayBucket {
  services: Map<string, number>;
  /** The ungrouped total, used only when a day has no groups. */
  total?: number;
}

/**
 * Pure mapping of GetCostAndUsage results (all pages) to the summary. A day may come back split
 * over pages, so groups are merged by date. Days missing from the answer count as 0, so `days`
 * always holds the 7 days of the window. Services whose amount is exactly 0 are left out.
 *
 * forecastMonth = actual cost of the month's complete days (1st to yesterday) + the forecast from
 * today to the month's end; today's partial actual is left out because the forecast covers all of today.
 */
export function toCostSummary(results: ResultByTime[], plan: CostPlan, forecastRest?: number): CostSummary {
  const buckets = new Map<string, DayBucket>();
  let currency: string | undefined;
  const amount = (m: { Amount?: string; Unit?: string } | undefined): number => {
    currency ??= m?.Unit;
    const n = Number(m?.Amount ?? 0);
    return Number.isFinite(n) ? n : 0;
  };
  for (const r of results) {
    const date = r.TimePeriod?.Start;
    if (!date) continue;
    const b = buckets.get(date) ?? { services: new Map<string, number>() };
    buckets.set(date, b);
    for (const g of r.Groups ?? []) {
      const name = g.Keys?.join(' / ') || 'Other';
      b.services.set(name, (b.services.get(name) ?? 0) + amount(g.Metrics?.[METRIC]));
    }
    if (r.Total?.[METRIC]) b.total = amount(r.Total[METRIC]);
  }
  const totalOf = (b: DayBucket | undefined): number =>
    !b ? 0 : b.services.size > 0 ? [...b.services.values()].reduce((a, v) => a + v, 0) : (b.total ?? 0);

  const days: DailyCost[] = [];
  for (let date = plan.windowStart; date <= plan.today; date = addDays(date, 1)) {
    const b = buckets.get(date);
    const byService = [...(b?.services ?? [])]
      .filter(([, v]) => v !== 0)
      .map(([service, amt]) => ({ service, amount: amt }))
      .sort((x, y) => y.amount - x.amount || x.service.localeCompare(y.service));
    days.push({ date, total: totalOf(b), byService });
  }
  let monthToDate = 0;
  for (const [date, b] of buckets) if (date >= plan.monthStart && date <= plan.today) monthToDate += totalOf(b);
  const forecastMonth =
    forecastRest === undefined ? undefined : monthToDate - totalOf(buckets.get(plan.today)) + forecastRest;
  return { currency: currency ?? 'USD', days, monthToDate, ...(forecastMonth === undefined ? {} : { forecastMonth }) };
}

export interface CostReaderOptions {
  expectedDaily?: { min: number; max: number };
  /** Default: $XDG_CACHE_HOME/shipwatch or ~/.cache/shipwatch. */
  cacheDir?: string;
  /** Account + profile, so two accounts never share a cached summary. */
  cacheKey: string;
  now?: () => number;
  /** Default 1 h: Cost Explorer updates a few times a day. */
  maxAgeMs?: number;
}

export class CostReader {
  private readonly cache: CostCache;
  private readonly now: () => number;
  private readonly maxAgeMs: number;

  constructor(
    private readonly ce: CostExplorerClient,
    private readonly opts: CostReaderOptions,
  ) {
    this.cache = new CostCache(opts.cacheDir ?? defaultCacheDir(), opts.cacheKey);
    this.now = opts.now ?? Date.now;
    this.maxAgeMs = opts.maxAgeMs ?? 60 * 60_000;
  }

  /** The cached summary while it is fresh (memory, then disk), else one refresh from AWS. */
  async get(signal: AbortSignal): Promise<CostSummary> {
    const now = this.now();
    const today = utcDay(now);
    // A summary fetched before UTC midnight shows the wrong 7 days, however young it is.
    const isFresh = (e: CachedCost) =>
      e.fetchedAt <= now && now - e.fetchedAt < this.maxAgeMs && e.summary.days.at(-1)?.date === today;
    let summary = await this.cache.fresh(isFresh);
    if (!summary) {
      summary = await this.fetch(now, signal);
      await this.cache.write({ fetchedAt: now, summary });
    }
    // Expectations come from the config, not from AWS: never cached.
    return this.opts.expectedDaily ? { ...summary, expectedDaily: this.opts.expectedDaily } : summary;
  }

  private async fetch(now: number, signal: AbortSignal): Promise<CostSummary> {
    const plan = planCostRequests(now);
    const results = await this.allPages(plan.usage, signal);
    const rest = plan.forecast ? await this.forecast(plan.forecast, signal) : undefined;
    return toCostSummary(results, plan, rest);
  }

  private async allPages(input: GetCostAndUsageCommandInput, signal: AbortSignal): Promise<ResultByTime[]> {
    const out: ResultByTime[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.ce.send(new GetCostAndUsageCommand(token ? { ...input, NextPageToken: token } : input), {
        abortSignal: signal,
      });
      out.push(...(res.ResultsByTime ?? []));
      token = res.NextPageToken;
      if (!token) return out;
    }
    throw new Error(`ce:GetCostAndUsage: more than ${MAX_PAGES} pages, giving up`);
  }

  /** The forecast is a nice-to-have: early in the month AWS answers DataUnavailableException. */
  private async forecast(input: GetCostForecastCommandInput, signal: AbortSignal): Promise<number | undefined> {
    try {
      const res = await this.ce.send(new GetCostForecastCommand(input), { abortSignal: signal });
      const n = Number(res.Total?.Amount);
      return res.Total?.Amount !== undefined && Number.isFinite(n) ? n : undefined;
    } catch (e) {
      if (signal.aborted) throw e;
      return undefined;
    }
  }
}
