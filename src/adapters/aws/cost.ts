// The Cost pane's data from Cost Explorer.
//
// Days are UTC days: Cost Explorer buckets cost by UTC date, so "today" is the UTC date (it starts at
// 00:00 UTC whatever the local time zone) and its cost is partial. Dates are YYYY-MM-DD, Start
// inclusive, End exclusive.
//
// Requests (each billed $0.01): one GetCostAndUsage, DAILY by SERVICE, from the earlier of the 1st
// of the month and 6 days ago up to tomorrow — the 7 days shown and the month to date in one call
// (more only if AWS pages the answer) — and one GetCostForecast from today to the month's end,
// none on the last day of the month.
//
// Cached for the data's own cadence (Cost Explorer refreshes at most three times a day), in memory
// and on disk (costCache.ts), so a poll or a restart within the cache's life sends nothing:
// - cost and usage: 6 h (`usageMaxAgeMs`). Across UTC midnight the cached days are shown in the
//   new 7-day window, the new day at 0 until the next refresh: its data cannot exist yet.
// - the forecast: 24 h (`forecastMaxAgeMs`) within the same month; forecastMonth is the actual
//   cost of the month's days before the forecast's start plus the forecast, so an answer from
//   yesterday still adds up. No forecast (early in the month AWS answers DataUnavailableException)
//   is kept 6 h.
// A failed request is not retried by the SDK (the client has maxAttempts 1: clients.ts) nor by
// this reader for `retryAfterFailureMs` (5 min): until then a read throws the same error without
// sending, so a pane polled every 30 s by the backoff costs at most 12 requests an hour while CE fails.
// So a 2-hour watch sends at most 2 requests (usage and forecast), none after a restart within 6 h.
import {
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type CostExplorerClient,
  type GetCostAndUsageCommandInput,
  type GetCostForecastCommandInput,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import type { CostSummary, DailyCost } from '../../domain/model.js';
import { CostCache, defaultCacheDir } from './costCache.js';

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
 * forecastMonth = actual cost of the month's days before the forecast's start (the 1st to the day
 * before it was asked) + the forecast from that day to the month's end; that day's partial actual is
 * left out because the forecast covers all of it.
 */
export function toCostSummary(
  results: ResultByTime[],
  plan: CostPlan,
  forecast?: { start: string; amount: number },
): CostSummary {
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
  let forecastMonth: number | undefined;
  if (forecast) {
    forecastMonth = forecast.amount;
    for (const [date, b] of buckets) if (date >= plan.monthStart && date < forecast.start) forecastMonth += totalOf(b);
  }
  return { currency: currency ?? 'USD', days, monthToDate, ...(forecastMonth === undefined ? {} : { forecastMonth }) };
}

export const USAGE_MAX_AGE_MS = 6 * 60 * 60_000;
export const FORECAST_MAX_AGE_MS = 24 * 60 * 60_000;
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export interface CostReaderOptions {
  expectedDaily?: { min: number; max: number };
  /** Default: $XDG_CACHE_HOME/shipwatch or ~/.cache/shipwatch. */
  cacheDir?: string;
  /** Account + profile, so two accounts never share a cached summary. */
  cacheKey: string;
  now?: () => number;
  /** Default 6 h: Cost Explorer updates at most three times a day. */
  usageMaxAgeMs?: number;
  /** Default 24 h. */
  forecastMaxAgeMs?: number;
  /** Default 5 min: no request is sent sooner after a failed one. */
  retryAfterFailureMs?: number;
}

export class CostReader {
  private readonly cache: CostCache;
  private readonly now: () => number;
  private readonly usageMaxAgeMs: number;
  private readonly forecastMaxAgeMs: number;
  private readonly retryAfterFailureMs: number;
  private failure?: { at: number; error: unknown };

  constructor(
    private readonly ce: CostExplorerClient,
    private readonly opts: CostReaderOptions,
  ) {
    this.cache = new CostCache(opts.cacheDir ?? defaultCacheDir(), opts.cacheKey);
    this.now = opts.now ?? Date.now;
    this.usageMaxAgeMs = opts.usageMaxAgeMs ?? USAGE_MAX_AGE_MS;
    this.forecastMaxAgeMs = opts.forecastMaxAgeMs ?? FORECAST_MAX_AGE_MS;
    this.retryAfterFailureMs = opts.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS;
  }

  /** From the cache (memory, then disk) while each part is fresh; else one request for each stale part. */
  async get(signal: AbortSignal): Promise<CostSummary> {
    const now = this.now();
    const plan = planCostRequests(now);
    const monthEnd = firstOfNextMonth(plan.today);
    const age = (e: { fetchedAt: number }) => (e.fetchedAt <= now ? now - e.fetchedAt : Infinity);
    const cached = await this.cache.read();
    let usage =
      cached.usage && age(cached.usage) < this.usageMaxAgeMs && cached.usage.start <= plan.usage.TimePeriod!.Start!
        ? cached.usage
        : undefined;
    let forecast =
      cached.forecast &&
      cached.forecast.end === monthEnd &&
      age(cached.forecast) < (cached.forecast.amount === undefined ? this.usageMaxAgeMs : this.forecastMaxAgeMs)
        ? cached.forecast
        : undefined;
    if (!usage || (!forecast && plan.forecast)) {
      const f = this.failure;
      if (f && f.at <= now && now - f.at < this.retryAfterFailureMs) throw f.error;
      try {
        usage ??= {
          fetchedAt: now,
          start: plan.usage.TimePeriod!.Start!,
          end: plan.usage.TimePeriod!.End!,
          results: await this.allPages(plan.usage, signal),
        };
        if (!forecast && plan.forecast)
          forecast = {
            fetchedAt: now,
            start: plan.forecast.TimePeriod!.Start!,
            end: plan.forecast.TimePeriod!.End!,
            amount: await this.forecast(plan.forecast, signal),
          };
      } catch (e) {
        if (!signal.aborted) this.failure = { at: now, error: e };
        if (usage) await this.cache.write({ usage, forecast });
        throw e;
      }
      this.failure = undefined;
      await this.cache.write({ usage, forecast });
    }
    const summary = toCostSummary(
      usage.results,
      plan,
      forecast?.amount === undefined ? undefined : { start: forecast.start, amount: forecast.amount },
    );
    // Expectations come from the config, not from AWS: never cached.
    return this.opts.expectedDaily ? { ...summary, expectedDaily: this.opts.expectedDaily } : summary;
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
