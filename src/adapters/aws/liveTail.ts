// One CloudWatch Logs Live Tail session, consumed in the background into a buffer that the
// follower drains on each poll (the app renders in batches at its poll interval anyway).
//
// The session is an optimisation, never the only path: it ends for many reasons (3 h timeout,
// SessionStreamingException, network, AccessDenied on logs:StartLiveTail, endpoints such as moto
// that do not serve it) and the follower then polls FilterLogEvents from the last timestamp seen.
// Two cases also end it on purpose:
// - Live Tail SAMPLES above 500 matching events/s (sessionMetadata.sampled): lines would be
//   silently missing, and the on-call's "no ERROR in the logs" check must not miss any, so the
//   session is ended and polling (complete, paged) takes over. Polling does not run alongside a
//   healthy session: that would double the requests for nothing in the common case.
// - The server sends an update every second, even empty; silence for `stallMs` means a dead
//   connection that would otherwise never error, so it counts as ended.
import {
  DescribeLogGroupsCommand,
  StartLiveTailCommand,
  type CloudWatchLogsClient,
  type LiveTailSessionLogEvent,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';

export interface LiveTailOptions {
  /** Name or ARN of the log group. */
  logGroup: string;
  filterPattern?: string;
  now: () => number;
  /** Silence (no update, not even an empty one) after which the session counts as dead. */
  stallMs?: number;
  startTimeoutMs?: number;
  /** Undrained events kept before giving up on the session (the app stopped polling). */
  maxBuffered?: number;
}

/** StartLiveTail takes ARNs only, without the trailing `:*` that DescribeLogGroups' `arn` has. */
export async function logGroupArn(logs: CloudWatchLogsClient, group: string, signal: AbortSignal): Promise<string> {
  if (group.startsWith('arn:')) return group.replace(/:\*$/, '');
  const res = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }), { abortSignal: signal });
  const found = res.logGroups?.find((g) => g.logGroupName === group);
  const arn = found?.logGroupArn ?? found?.arn?.replace(/:\*$/, '');
  if (!arn) throw new Error(`log group ${group} not found`);
  return arn;
}

export class LiveTail {
  /** Wall time the session was asked for: everything ingested after it reaches the stream. */
  readonly startedAt: number;
  /** Newest event timestamp received, drained or not. */
  lastTimestamp?: number;
  /** Why the session is over; undefined while it runs. */
  ended?: string;
  private buffer: LiveTailSessionLogEvent[] = [];
  private aliveAt: number;
  private readonly abort = new AbortController();
  private readonly stallMs: number;

  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly o: LiveTailOptions,
  ) {
    this.startedAt = this.aliveAt = o.now();
    this.stallMs = o.stallMs ?? 15_000;
  }

  /** Resolves once the stream is open; rejects if it cannot be (the follower then polls). */
  async start(): Promise<void> {
    const signal = this.abort.signal;
    const timer = setTimeout(
      () => this.abort.abort(new Error('StartLiveTail did not answer in time')),
      this.o.startTimeoutMs ?? 10_000,
    );
    try {
      const arn = await logGroupArn(this.logs, this.o.logGroup, signal);
      const res = await this.logs.send(
        new StartLiveTailCommand({
          logGroupIdentifiers: [arn],
          logEventFilterPattern: this.o.filterPattern || undefined,
        }),
        { abortSignal: signal },
      );
      if (!res.responseStream) throw new Error('StartLiveTail returned no stream');
      this.aliveAt = this.o.now();
      void this.consume(res.responseStream);
    } catch (e) {
      this.end(`Live Tail unavailable: ${(e as Error).message ?? String(e)}`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private async consume(stream: AsyncIterable<StartLiveTailResponseStream>): Promise<void> {
    try {
      for await (const msg of stream) {
        if (this.ended) return; // returning closes the stream
        this.aliveAt = this.o.now();
        if (msg.sessionUpdate)
          this.take(msg.sessionUpdate.sessionResults ?? [], msg.sessionUpdate.sessionMetadata?.sampled === true);
        else if (msg.SessionTimeoutException) this.end('Live Tail session timed out');
        else if (msg.SessionStreamingException)
          this.end(`Live Tail stream error: ${msg.SessionStreamingException.message ?? ''}`);
      }
      this.end('Live Tail stream ended');
    } catch (e) {
      this.end(`Live Tail stream failed: ${(e as Error).message ?? String(e)}`);
    }
  }

  private take(events: LiveTailSessionLogEvent[], sampled: boolean): void {
    for (const e of events) {
      this.buffer.push(e);
      if (e.timestamp !== undefined) this.lastTimestamp = Math.max(this.lastTimestamp ?? e.timestamp, e.timestamp);
    }
    // Keep what arrived (dedupe makes the overlap with polling harmless), then stop listening.
    if (sampled) this.end('Live Tail is sampling (over 500 events/s)');
    else if (this.buffer.length > (this.o.maxBuffered ?? 50_000)) this.end('Live Tail buffer full');
  }

  /** True once the follower should poll instead. */
  isOver(now: number): boolean {
    if (!this.ended && now - this.aliveAt > this.stallMs) this.end('Live Tail went silent');
    return this.ended !== undefined;
  }

  drain(): LiveTailSessionLogEvent[] {
    const out = this.buffer;
    this.buffer = [];
    return out;
  }

  private end(reason: string): void {
    if (this.ended) return;
    this.ended = reason;
    this.abort.abort(new Error(reason));
  }

  close(): void {
    this.end('closed');
  }
}
