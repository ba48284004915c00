// Follows one log group: each poll returns the events not returned before, oldest first.
//
// Polling: FilterLogEvents over the whole group (so new streams are found without listing them)
// from a start time that trails by the late window, because an event can arrive after newer
// ones with an older timestamp. Successive windows overlap, so events are deduplicated by eventId
// in a set that forgets ids older than the oldest start time that can still be asked for, which
// keeps memory bounded by one late window of events however long the follow runs.
//
// Budget: FilterLogEvents has a 5 requests/s account quota shared with every other tool. A poll
// sends at most `maxPagesPerPoll` requests (one when the group is quiet); a backlog continues on
// the next poll from the saved nextToken instead of paging on.
//
// Live Tail (liveTail.ts) replaces the polling while it runs, after one FilterLogEvents pass for
// the history (startBackMs). When the session ends, polling resumes from the last timestamp seen
// minus the late window: no gap. Live Tail events carry no eventId, so the overlap is deduplicated
// by content (timestamp, stream, message), counted, so two identical lines are still two lines.
import {
  FilterLogEventsCommand,
  type CloudWatchLogsClient,
  type FilteredLogEvent,
  type LiveTailSessionLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LogEvent } from '../../domain/model.js';
import { LiveTail } from './liveTail.js';
import { levelOf } from './logLevel.js';

export interface LogFollowerOptions {
  logGroup: string;
  filterPattern?: string;
  now?: () => number;
  /** How late (ingestion after timestamp) an event may arrive and still be shown. */
  lateWindowMs?: number;
  /** How far back the first page reaches. */
  startBackMs?: number;
  liveTail?: boolean;
  /** FilterLogEvents `limit` (AWS default and maximum 10 000). */
  pageSize?: number;
  maxPagesPerPoll?: number;
}

interface Counts {
  ts: number;
  polled: number;
  live: number;
}

/** What has been returned, by eventId and (while Live Tail may overlap) by content. */
export class SeenEvents {
  private ids = new Map<string, number>();
  private content?: Map<string, Counts>;

  trackContent(): void {
    this.content ??= new Map();
  }

  /** True if the event is new; a content match with a line Live Tail delivered is not. */
  admitPolled(id: string, ts: number, key: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, ts);
    const c = this.count(key, ts, 'polled');
    return !c || c.polled > c.live;
  }

  admitLive(ts: number, key: string): boolean {
    const c = this.count(key, ts, 'live');
    return !c || c.live > c.polled;
  }

  private count(key: string, ts: number, by: 'polled' | 'live'): Counts | undefined {
    if (!this.content) return undefined;
    let c = this.content.get(key);
    if (!c) this.content.set(key, (c = { ts, polled: 0, live: 0 }));
    c[by]++;
    return c;
  }

  /** Forgets events older than `before`: no window that can still be asked for reaches them. */
  prune(before: number): void {
    for (const [id, ts] of this.ids) if (ts < before) this.ids.delete(id);
    if (this.content) for (const [key, c] of this.content) if (c.ts < before) this.content.delete(key);
  }

  get size(): number {
    return this.ids.size + (this.content?.size ?? 0);
  }
}

interface Cycle {
  startTime: number;
  nextToken?: string;
}

const contentKey = (ts: number, stream: string, message: string) => `${ts}\u0000${stream}\u0000${message}`;

const byTimeThenId = (a: LogEvent, b: LogEvent) =>
  a.timestamp - b.timestamp || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Resolves as the promise does, or rejects when the poll is aborted (the promise runs on). */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class LogFollower {
  private readonly now: () => number;
  private readonly lateWindowMs: number;
  private readonly initialStart: number;
  private readonly seen = new SeenEvents();
  /** Start time of the next FilterLogEvents pass; a pass in progress keeps its own. */
  private nextStart: number;
  private cycle?: Cycle;
  private live?: LiveTail;
  private liveTried = false;
  private liveStarting?: Promise<void>;
  /** Live events drained at the switch to polling, held until a poll succeeds. */
  private carry: LiveTailSessionLogEvent[] = [];
  private liveSeq = 0;
  private closed = false;
  /** Why the follower polls instead of tailing, for a status line. */
  liveTailNote?: string;

  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly o: LogFollowerOptions,
  ) {
    this.now = o.now ?? Date.now;
    this.lateWindowMs = o.lateWindowMs ?? 2 * 60_000;
    this.initialStart = this.nextStart = this.now() - (o.startBackMs ?? 5 * 60_000);
  }

  get mode(): 'live' | 'polling' {
    return this.live ? 'live' : 'polling';
  }

  /** Entries in the dedupe memory: bounded by one late window of events. */
  get remembered(): number {
    return this.seen.size;
  }

  async poll(signal: AbortSignal): Promise<LogEvent[]> {
    if (this.closed) return [];
    if (this.o.liveTail !== false && !this.liveTried) {
      this.liveTried = true;
      this.liveStarting = this.startLive().finally(() => (this.liveStarting = undefined));
    }
    // An aborted first poll leaves the start running; the next poll waits for the same one.
    if (this.liveStarting) await unlessAborted(this.liveStarting, signal);
    if (this.live?.isOver(this.now())) this.fallBack();
    let polled: FilteredLogEvent[] = [];
    if (!this.live || this.cycle) {
      const cycle = (this.cycle ??= this.beginCycle());
      const page = await this.fetchPages(cycle, signal);
      signal.throwIfAborted(); // nothing is committed for an aborted poll: the next one repeats it
      polled = page.events;
      this.cycle = page.nextToken ? { startTime: cycle.startTime, nextToken: page.nextToken } : undefined;
    }
    const live = this.carry.concat(this.live?.drain() ?? []);
    this.carry = [];
    const out = this.admit(polled, live);
    this.seen.prune(this.horizon());
    return out;
  }

  close(): void {
    this.closed = true;
    this.live?.close();
  }

  private async startLive(): Promise<void> {
    const live = new LiveTail(this.logs, {
      logGroup: this.o.logGroup,
      filterPattern: this.o.filterPattern,
      now: this.now,
    });
    this.live = live;
    try {
      await live.start();
      this.seen.trackContent();
      this.cycle = this.beginCycle(); // the history before the session, once
    } catch {
      this.live = undefined; // polling from the start, as if Live Tail were off
      this.liveTailNote = live.ended;
    }
  }

  private beginCycle(): Cycle {
    const cycle = { startTime: this.nextStart };
    // The next pass must still see events ingested from now on with a timestamp up to one late window old.
    this.nextStart = Math.max(this.nextStart, this.now() - this.lateWindowMs);
    return cycle;
  }

  /** Live Tail delivered everything ingested before its newest event; poll from there. */
  private liveResumeFrom(live: LiveTail): number {
    const anchor = Math.max(live.startedAt, Math.min(live.lastTimestamp ?? -Infinity, this.now()));
    return Math.max(this.initialStart, anchor - this.lateWindowMs);
  }

  private fallBack(): void {
    const live = this.live!;
    this.carry.push(...live.drain());
    // A history pass still in progress restarts too (from its own, earlier start): dedupe absorbs the repeat.
    this.nextStart = Math.min(this.cycle?.startTime ?? Infinity, this.liveResumeFrom(live));
    this.cycle = undefined;
    this.liveTailNote = live.ended;
    live.close();
    this.live = undefined;
  }

  /** The oldest timestamp any future request can reach; the seen-set forgets what is older. */
  private horizon(): number {
    const h = Math.min(this.nextStart, this.cycle?.startTime ?? Infinity);
    return this.live ? Math.min(h, this.liveResumeFrom(this.live)) : h;
  }

  /** Up to maxPagesPerPoll pages. A failure after the first page keeps what came and resumes there next poll. */
  private async fetchPages(
    cycle: Cycle,
    signal: AbortSignal,
  ): Promise<{ events: FilteredLogEvent[]; nextToken?: string }> {
    const events: FilteredLogEvent[] = [];
    let nextToken = cycle.nextToken;
    for (let page = 0; page < (this.o.maxPagesPerPoll ?? 3); page++) {
      try {
        const res = await this.logs.send(
          new FilterLogEventsCommand({
            ...(this.o.logGroup.startsWith('arn:')
              ? { logGroupIdentifier: this.o.logGroup }
              : { logGroupName: this.o.logGroup }),
            startTime: cycle.startTime,
            filterPattern: this.o.filterPattern || undefined,
            limit: this.o.pageSize,
            nextToken,
          }),
          { abortSignal: signal },
        );
        events.push(...(res.events ?? []));
        nextToken = res.nextToken;
      } catch (e) {
        if (page === 0 || signal.aborted) throw e;
        break;
      }
      if (!nextToken) break;
    }
    return { events, nextToken };
  }

  private admit(polled: FilteredLogEvent[], live: LiveTailSessionLogEvent[]): LogEvent[] {
    const out: LogEvent[] = [];
    for (const e of polled) {
      if (e.eventId === undefined || e.timestamp === undefined) continue;
      const stream = e.logStreamName ?? '',
        message = e.message ?? '';
      if (this.seen.admitPolled(e.eventId, e.timestamp, contentKey(e.timestamp, stream, message))) {
        out.push({ id: e.eventId, timestamp: e.timestamp, stream, message, level: levelOf(message) });
      }
    }
    for (const e of live) {
      if (e.timestamp === undefined) continue;
      const stream = e.logStreamName ?? '',
        message = e.message ?? '';
      // Live Tail has no eventId; the id only has to be unique for the app's buffer.
      if (this.seen.admitLive(e.timestamp, contentKey(e.timestamp, stream, message))) {
        out.push({ id: `live-${++this.liveSeq}`, timestamp: e.timestamp, stream, message, level: levelOf(message) });
      }
    }
    return out.sort(byTimeThenId);
  }
}
