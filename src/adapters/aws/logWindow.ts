// A bounded read of a past stretch of one log group (the error-signature baseline before T+0), once,
// with FilterLogEvents: startTime..endTime, every page until the stretch is covered, within four
// limits: `maxEvents` and a page budget (20) and a time budget (30 s, inside the poller's 45 s run
// deadline, so a huge group gives a cut baseline rather than none), each saying the result was cut,
// and a pace of at most 2 requests a second. FilterLogEvents has a 5 requests/s quota per account and region that nobody can
// raise, shared with the live poll (~1 a second, logFollower.ts) and whatever else the account runs:
// a burst of 20 baseline pages must not throttle the live logs.
import { paginateFilterLogEvents, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { LogWindow, LogWindowQuery } from '../../domain/backend.js';
import { ERROR_WORDS, isErrorLine } from '../../domain/health/errorLines.js';
import type { LogEvent } from '../../domain/model.js';
import { logGroupParam, toLogEvent } from './logFollower.js';

/**
 * The server-side half of errors-only; the domain's isErrorLine is the rule, applied after it.
 * Filter terms are case-sensitive: the lower-case words are asked too, or a Go `panic:` or a JSON
 * `"level":"error"` line before T+0 would be missed and its signature taken for a new one. They
 * also match lines that are not errors ("error_count=0"): more to read, filtered out here.
 */
export const ERROR_FILTER_PATTERN = ERROR_WORDS.flatMap((w) => [`?${w}`, `?${w.toLowerCase()}`]).join(' ');
export const DEFAULT_WINDOW_PAGES = 20;
/** 2 requests a second: with the live poll's ~1 that leaves 2 of the account's 5 to everyone else. */
export const DEFAULT_WINDOW_INTERVAL_MS = 500;
export const DEFAULT_WINDOW_MAX_MS = 30_000;

export interface LogWindowOptions {
  /** The resolved group: configured, else the serving task definition's. */
  logGroup: string;
  /** The configured filter pattern, used when the read is not errors-only. */
  filterPattern?: string;
  /** FilterLogEvents `limit` per page (AWS's default and maximum: 10,000). */
  pageSize?: number;
  maxPages?: number;
  /** Least time between the starts of two requests. */
  minIntervalMs?: number;
  /** No request starts after this long from the first. */
  maxMs?: number;
  /** Injected by tests so pacing costs no wall time. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

const defaultSleep = (ms: number, signal: AbortSignal) => sleepFor(ms, undefined, { signal });

/**
 * Events with from <= timestamp < to, oldest first (endTime is inclusive at AWS, hence `to - 1`, so a
 * line at T+0 belongs to the release, not to its baseline). An errors-only read asks the server for
 * error words and keeps only what isErrorLine accepts: some servers (moto) match every line for `?A ?B`.
 */
export async function readLogWindow(
  logs: CloudWatchLogsClient,
  query: Omit<LogWindowQuery, 'logGroup'>,
  o: LogWindowOptions,
  signal: AbortSignal,
): Promise<LogWindow> {
  const maxPages = Math.max(1, o.maxPages ?? DEFAULT_WINDOW_PAGES);
  const interval = o.minIntervalMs ?? DEFAULT_WINDOW_INTERVAL_MS;
  const sleep = o.sleep ?? defaultSleep;
  const now = o.now ?? Date.now;
  const deadline = now() + (o.maxMs ?? DEFAULT_WINDOW_MAX_MS);
  const events: LogEvent[] = [];
  if (query.maxEvents <= 0 || query.to <= query.from) return { events, truncated: false, requests: 0 };
  const pages = paginateFilterLogEvents(
    { client: logs, pageSize: Math.min(o.pageSize ?? 10_000, query.maxEvents) },
    {
      ...logGroupParam(o.logGroup),
      startTime: query.from,
      endTime: query.to - 1,
      filterPattern: (query.errorsOnly ? ERROR_FILTER_PATTERN : o.filterPattern) || undefined,
    },
    { abortSignal: signal },
  );
  let requests = 0;
  let truncated = false;
  let began = now();
  for await (const page of pages) {
    requests++;
    const kept = (page.events ?? [])
      .map(toLogEvent)
      .filter((e): e is LogEvent => e !== undefined && (!query.errorsOnly || isErrorLine(e)));
    const room = query.maxEvents - events.length;
    events.push(...kept.slice(0, room));
    const more = page.nextToken !== undefined;
    const next = Math.max(now(), began + interval);
    if (kept.length > room || (more && (events.length >= query.maxEvents || requests >= maxPages || next > deadline))) {
      truncated = true;
      break;
    }
    if (!more) break;
    // The paginator sends the next request when the loop comes round: wait out the interval first.
    const wait = next - now();
    if (wait > 0) await sleep(wait, signal);
    began = now();
  }
  // AWS returns one group's events by time; keep that promise whatever the server (moto goes stream by stream).
  events.sort((a, b) => a.timestamp - b.timestamp);
  return { events, truncated, requests };
}
