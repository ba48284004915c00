// Follows one log group: each poll returns the events not returned before, oldest first.
//
// Polling (the default) reads FilterLogEvents over the whole group (so new streams are found
// without listing them) in two kinds of pass, each a startTime and the pages after it (nextToken):
//
// - The head pass, every poll: from the newest timestamp seen (never later than now) minus
//   `overlapMs` (5 s), so a poll at 20 lines/s reads ~6 s of lines (~12 KB) instead of the late
//   window's 2 minutes (~242 KB). Until an event is seen it starts where the last head pass began,
//   minus the overlap (the first one: `startBackMs`, 5 min, back). It catches every event that
//   arrives at most `overlapMs` behind the newest line: the normal case, shown within one poll.
// - The late pass, every `lateRereadMs` (30 s): from one late window (`lateWindowMs`, 2 min) plus
//   `overlapMs` before the previous late pass began. An event put at time a with a timestamp up to
//   one late window older, ingested after that pass began, has timestamp >= its begin - late window
//   (the overlap absorbs ingestion-to-search delay), so it is read by the next one: events up to
//   2 minutes late are shown, within ~30 s. The first late pass counts from the first (history)
//   head pass, which read everything ingested before it from `startBackMs` back.
// Both passes overlap what was read already: events are deduplicated by eventId in a set that
// forgets ids older than the oldest startTime a pass can still ask for (the next late pass's, about
// now - 2.5 min), so memory is bounded by one late window plus one re-read interval of events.
//
// Budget: FilterLogEvents has a 5 requests/s account quota shared with every other tool, and a page
// holds up to 10,000 events or 1 MB. A pass follows nextToken until caught up, within two limits: at
// most `maxPagesPerPoll` (3) requests per poll, and a token bucket of `requestsPerSecond` (2) with a
// burst of `maxPagesPerPoll`, measured on the follower's clock, whatever the poll interval. The head
// pass goes first but leaves one page of a poll to a late pass that is due or under way. A pass cut
// short continues next poll from its saved nextToken. Quiet group: 1 head request a second plus 1 late
// request every 30 s; a 1,000 lines/s flood: ~1 head page a second (6,000 events) plus ~16 late pages
// every 30 s, ~1.5 requests/s.
//
// Live Tail (liveTail.ts, opt-in: it costs $0.01 per session-minute) replaces the polling while it
// runs, after one FilterLogEvents pass for the history (startBackMs). When the session ends, polling
// resumes with a head pass from the last timestamp Live Tail delivered minus the late window (no
// gap), and the late passes count from then. Live Tail events carry no eventId, so the overlap is
// deduplicated by content (timestamp, stream, message), counted, so two identical lines are still
// two lines.
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
  /** How late (ingestion after timestamp) an event may arrive and still be shown (2 min). */
  lateWindowMs?: number;
  /** How far back the first page reaches (5 min). */
  startBackMs?: number;
  /** Live Tail instead of polling: opt-in, $0.01 per session-minute. */
  liveTail?: boolean;
  /** FilterLogEvents `limit` (AWS default and maximum 10 000). */
  pageSize?: number;
  /** Requests per poll, head and late passes together (3). */
  maxPagesPerPoll?: number;
  /** Average FilterLogEvents requests per second, on the follower's clock (2). */
  requestsPerSecond?: number;
  /** How far behind the newest timestamp seen each head pass starts (5 s). */
  overlapMs?: number;
  /** How often the late window is read again (30 s). */
  lateRereadMs?: number;
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

/** A pass: a startTime and the pages after it. `began` is set by its first request. */
interface Pass {
  startTime: number;
  nextToken?: string;
  began?: number;
}

/** FilterLogEvents requests over time: `perSecond` on average, `burst` at once, on the follower's clock. */
export class RequestBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** True (and one request spent) when a request may go now. */
  take(): boolean {
    const now = this.now();
    if (now > this.at) this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = Math.max(this.at, now);
    if (this.tokens < 1) return false;
    this.tokens--;
    return true;
  }
}

const contentKey = (ts: number, stream: string, message: string) => `${ts}\u0000${stream}\u0000${message}`;

/** FilterLogEvents names a group by ARN (another account's, say) or by name, in different fields. */
export const logGroupParam = (group: string): { logGroupIdentifier: string } | { logGroupName: string } =>
  group.startsWith('arn:') ? { logGroupIdentifier: group } : { logGroupName: group };

/** A FilterLogEvents event as the domain sees it; one without an id or a time is no event. Shared with logWindow.ts. */
export function toLogEvent(e: FilteredLogEvent): LogEvent | undefined {
  if (e.eventId === undefined || e.timestamp === undefined) return undefined;
  const message = e.message ?? '';
  return { id: e.eventId, timestamp: e.timestamp, stream: e.logStreamName ?? '', message, level: levelOf(message) };
}

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

export const DEFAULT_OVERLAP_MS = 5000;
export const DEFAULT_LATE_REREAD_MS = 30_000;
export const DEFAULT_LATE_WINDOW_MS = 2 * 60_000;
export const DEFAULT_MAX_PAGES_PER_POLL = 3;
export const DEFAULT_REQUESTS_PER_SECOND = 2;

export class LogFollower {
  private readonly now: () => number;
  private readonly lateWindowMs: number;
  private readonly overlapMs: number;
  private readonly lateRereadMs: number;
  private readonly maxPages: number;
  private readonly initialStart: number;
  private readonly budget: RequestBudget;
  private readonly seen = new SeenEvents();
  /** Newest event timestamp delivered, polled or live. */
  private newest?: number;
  /** When the last completed head pass began: where the next starts while nothing has been seen. */
  private headMark?: number;
  private head?: Pass;
  private late?: Pass;
  /** When the last late pass began (or polling began): the next late pass reaches one late window before it. */
  private lateMark?: number;
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
    this.lateWindowMs = o.lateWindowMs ?? DEFAULT_LATE_WINDOW_MS;
    this.overlapMs = o.overlapMs ?? DEFAULT_OVERLAP_MS;
    this.lateRereadMs = o.lateRereadMs ?? DEFAULT_LATE_REREAD_MS;
    this.maxPages = Math.max(1, o.maxPagesPerPoll ?? DEFAULT_MAX_PAGES_PER_POLL);
    this.budget = new RequestBudget(o.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND, this.maxPages, this.now);
    this.initialStart = this.now() - (o.startBackMs ?? 5 * 60_000);
  }

  get mode(): 'live' | 'polling' {
    return this.live ? 'live' : 'polling';
  }

  /** Entries in the dedupe memory: bounded by one late window (plus a re-read interval) of events. */
  get remembered(): number {
    return this.seen.size;
  }

  async poll(signal: AbortSignal): Promise<LogEvent[]> {
    if (this.closed) return [];
    if (this.o.liveTail === true && !this.liveTried) {
      this.liveTried = true;
      this.liveStarting = this.startLive().finally(() => (this.liveStarting = undefined));
    }
    // An aborted first poll leaves the start running; the next poll waits for the same one.
    if (this.liveStarting) await unlessAborted(this.liveStarting, signal);
    if (this.live?.isOver(this.now())) this.fallBack();
    const polled = await this.fetch(signal);
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
      this.head = { startTime: this.initialStart }; // the history before the session, once
    } catch {
      this.live = undefined; // polling from the start, as if Live Tail were off
      this.liveTailNote = live.ended;
    }
  }

  /** Where the next head pass starts: the newest timestamp seen (not past now) minus the overlap. */
  private nextHeadStart(): number {
    const anchor = this.newest !== undefined ? Math.min(this.newest, this.now()) : this.headMark;
    return anchor === undefined ? this.initialStart : Math.max(this.initialStart, anchor - this.overlapMs);
  }

  private nextLateStart(): number {
    return Math.max(this.initialStart, (this.lateMark ?? this.now()) - this.lateWindowMs - this.overlapMs);
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
    this.head = { startTime: Math.min(this.head?.startTime ?? Infinity, this.liveResumeFrom(live)) };
    this.lateMark = this.now();
    this.liveTailNote = live.ended;
    live.close();
    this.live = undefined;
  }

  /** The oldest timestamp any future request can reach; the seen-set forgets what is older. */
  private horizon(): number {
    let h = Math.min(this.head?.startTime ?? Infinity, this.late?.startTime ?? Infinity);
    if (this.live) return Math.min(h, this.liveResumeFrom(this.live));
    h = Math.min(h, this.nextHeadStart());
    return this.lateMark === undefined ? h : Math.min(h, this.nextLateStart());
  }

  /**
   * This poll's pages: the head pass (a new one unless one is under way), then the late pass when
   * it is due or under way; while Live Tail runs, only the history pass. The passes are worked on
   * as copies: nothing is committed for an aborted poll (the next one repeats it); a failure after
   * a page came keeps what came, and the pass resumes from its last token next poll.
   */
  private async fetch(signal: AbortSignal): Promise<FilteredLogEvent[]> {
    const events: FilteredLogEvent[] = [];
    const now = this.now();
    if (!this.live) this.lateMark ??= now; // the first head pass reads everything ingested before it
    const freshHead = !this.head;
    let head = this.live ? this.head : (this.head ?? { startTime: this.nextHeadStart() });
    let late =
      this.live || this.lateMark === undefined
        ? undefined
        : (this.late ?? (now - this.lateMark >= this.lateRereadMs ? { startTime: this.nextLateStart() } : undefined));
    let headDoneAt: number | undefined, lateBegan: number | undefined;
    let pages = 0,
      answered = 0;
    const page = async (p: Pass): Promise<Pass | undefined> => {
      const began = p.began ?? this.now();
      const res = await this.logs.send(
        new FilterLogEventsCommand({
          ...logGroupParam(this.o.logGroup),
          startTime: p.startTime,
          filterPattern: this.o.filterPattern || undefined,
          limit: this.o.pageSize,
          nextToken: p.nextToken,
        }),
        { abortSignal: signal },
      );
      answered++;
      events.push(...(res.events ?? []));
      return res.nextToken ? { startTime: p.startTime, nextToken: res.nextToken, began } : undefined;
    };
    try {
      // The head goes first, leaving one page to a late pass that is due or under way.
      const headCap = late && this.maxPages > 1 ? this.maxPages - 1 : this.maxPages;
      while (head && pages < headCap && this.budget.take()) {
        pages++;
        const began = head.began ?? this.now();
        head = await page(head);
        if (!head) headDoneAt = began;
      }
      while (late && pages < this.maxPages && this.budget.take()) {
        pages++;
        if (late.began === undefined) lateBegan = this.now();
        late = await page(late);
      }
    } catch (e) {
      if (signal.aborted || answered === 0) throw e;
    }
    signal.throwIfAborted();
    // A new head pass that got no request is dropped: the next poll starts a fresher one.
    this.head = head && (head.began !== undefined || !freshHead) ? head : undefined;
    if (headDoneAt !== undefined) this.headMark = Math.max(this.headMark ?? -Infinity, headDoneAt);
    if (lateBegan !== undefined) this.lateMark = lateBegan;
    if (!this.live) this.late = late;
    return events;
  }

  private admit(polled: FilteredLogEvent[], live: LiveTailSessionLogEvent[]): LogEvent[] {
    const out: LogEvent[] = [];
    for (const raw of polled) {
      const e = toLogEvent(raw);
      if (!e) continue;
      this.newest = Math.max(this.newest ?? e.timestamp, e.timestamp);
      if (this.seen.admitPolled(e.id, e.timestamp, contentKey(e.timestamp, e.stream, e.message))) out.push(e);
    }
    for (const e of live) {
      if (e.timestamp === undefined) continue;
      this.newest = Math.max(this.newest ?? e.timestamp, e.timestamp);
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
