// LogFollower against a mocked client: Live Tail (which moto cannot serve), its fallback to
// FilterLogEvents, and the bounded dedupe memory over a long follow.
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  StartLiveTailCommand,
  type FilteredLogEvent,
  type FilterLogEventsCommandInput,
  type LiveTailSessionLogEvent,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogFollower, SeenEvents } from '../../src/adapters/aws/logFollower.js';

const GROUP = '/ecs/web';
const ARN = `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`;
const T0 = 1_700_000_000_000;
const LATE = 120_000;
const logsMock = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({ region: 'us-east-1' });
const signal = new AbortController().signal;

/** A log group as FilterLogEvents sees it: startTime, filter by substring, pages with a token after the last id. */
class FakeGroup {
  events: FilteredLogEvent[] = [];
  private seq = 0;
  calls: FilterLogEventsCommandInput[] = [];

  put(timestamp: number, message: string, stream = 'web/1'): FilteredLogEvent {
    const e = { eventId: String(10_000_000 + ++this.seq), timestamp, message, logStreamName: stream };
    this.events.push(e);
    return e;
  }

  filter = (input: FilterLogEventsCommandInput) => {
    this.calls.push(input);
    const all = this.events
      .filter(
        (e) =>
          e.timestamp! >= (input.startTime ?? 0) && (!input.filterPattern || e.message!.includes(input.filterPattern)),
      )
      .sort((a, b) => a.timestamp! - b.timestamp! || (a.eventId! < b.eventId! ? -1 : 1));
    const from = input.nextToken ? all.findIndex((e) => e.eventId === input.nextToken) + 1 : 0;
    const page = all.slice(from, from + (input.limit ?? 10_000));
    return { events: page, nextToken: from + page.length < all.length ? page.at(-1)!.eventId : undefined };
  };
}

/** An async iterable fed by the test: push messages, then end or fail it. */
function controlledStream() {
  const queue: Array<StartLiveTailResponseStream | Error | null> = [];
  let wake: (() => void) | undefined;
  const feed = (item: StartLiveTailResponseStream | Error | null) => {
    queue.push(item);
    wake?.();
  };
  async function* iterate(): AsyncGenerator<StartLiveTailResponseStream> {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      const item = queue.shift()!;
      if (item === null) return;
      if (item instanceof Error) throw item;
      yield item;
    }
  }
  return {
    stream: iterate(),
    update: (events: LiveTailSessionLogEvent[], sampled = false) =>
      feed({ sessionUpdate: { sessionResults: events, sessionMetadata: { sampled } } }),
    fail: (e: Error) => feed(e),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 5));
const liveOf = (e: FilteredLogEvent): LiveTailSessionLogEvent => ({
  timestamp: e.timestamp,
  message: e.message,
  logStreamName: e.logStreamName,
  logGroupIdentifier: ARN,
});
const messages = (evs: { message: string }[]) => evs.map((e) => e.message);

let group: FakeGroup;
let clock: number;
const follower = (o: Partial<ConstructorParameters<typeof LogFollower>[1]> = {}) =>
  new LogFollower(client, { logGroup: GROUP, now: () => clock, lateWindowMs: LATE, ...o });

beforeEach(() => {
  logsMock.reset();
  group = new FakeGroup();
  clock = T0;
  logsMock.on(FilterLogEventsCommand).callsFake(group.filter);
  logsMock
    .on(DescribeLogGroupsCommand)
    .resolves({ logGroups: [{ logGroupName: GROUP, arn: `${ARN}:*`, logGroupArn: ARN }] });
});
afterEach(() => logsMock.reset());

describe('LogFollower with Live Tail', () => {
  it('reads the history once, then delivers the stream in batches at each poll', async () => {
    const s = controlledStream();
    logsMock.on(StartLiveTailCommand).resolves({ responseStream: s.stream });
    group.put(T0 - 60_000, 'history 1');
    const f = follower({ filterPattern: 'x', liveTail: true });
    s.update([]);
    const first = f.poll(signal);
    expect(messages(await first)).toEqual([]); // history filtered out by 'x'
    s.update([liveOf(group.put(T0 + 1, 'x live 1')), liveOf(group.put(T0 + 2, 'x live 2'))]);
    s.update([liveOf(group.put(T0 + 3, 'x live 3'))]);
    await settle();
    const batch = await f.poll(signal);
    expect(messages(batch)).toEqual(['x live 1', 'x live 2', 'x live 3']);
    expect(batch[0]!.id).not.toBe(batch[1]!.id);
    expect(await f.poll(signal)).toEqual([]);
    expect(f.mode).toBe('live');
    expect(logsMock.commandCalls(StartLiveTailCommand)[0]!.args[0].input).toEqual({
      logGroupIdentifiers: [ARN],
      logEventFilterPattern: 'x',
    });
    expect(group.calls).toHaveLength(1); // the history pass only
    f.close();
  });

  it('switches to FilterLogEvents when the stream fails: no gap, no duplicate of what Live Tail delivered', async () => {
    const s = controlledStream();
    logsMock.on(StartLiveTailCommand).resolves({ responseStream: s.stream });
    const f = follower({ liveTail: true });
    expect(await f.poll(signal)).toEqual([]);
    clock += 60_000;
    const a = group.put(clock - 10, 'same line');
    const b = group.put(clock - 10, 'same line'); // a real second identical line
    const c = group.put(clock - 5, 'before the break');
    s.update([liveOf(a), liveOf(c)]); // Live Tail delivered one of the two identical lines
    await settle();
    expect(messages(await f.poll(signal))).toEqual(['same line', 'before the break']);
    s.fail(new Error('connection reset'));
    group.put(clock - 3, 'during the outage');
    group.put(clock - 90_000, 'late, within the window');
    await settle();
    group.calls = [];
    const after = await f.poll(signal);
    expect(messages(after)).toEqual(['late, within the window', 'same line', 'during the outage']);
    expect(after.find((e) => e.message === 'same line')!.id).toBe(b.eventId);
    expect(group.calls[0]!.startTime).toBe(c.timestamp! - LATE);
    expect(f.mode).toBe('polling');
    expect(f.liveTailNote).toMatch(/connection reset/);
    expect(await f.poll(signal)).toEqual([]);
  });

  it('polls from the start when StartLiveTail is refused', async () => {
    logsMock
      .on(StartLiveTailCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    group.put(T0 - 4 * 60_000, 'four minutes ago');
    group.put(T0 - 6 * 60_000, 'too old');
    const f = follower({ startBackMs: 5 * 60_000, liveTail: true });
    expect(messages(await f.poll(signal))).toEqual(['four minutes ago']);
    expect(group.calls[0]!.startTime).toBe(T0 - 5 * 60_000);
    expect(f.mode).toBe('polling');
    expect(f.liveTailNote).toMatch(/not authorized/);
  });

  it('stops tailing when Live Tail samples or goes silent, keeping what it sent', async () => {
    for (const how of ['sampled', 'silent'] as const) {
      group = new FakeGroup();
      logsMock.on(FilterLogEventsCommand).callsFake(group.filter);
      const s = controlledStream();
      logsMock.on(StartLiveTailCommand).resolves({ responseStream: s.stream });
      const f = follower({ liveTail: true });
      await f.poll(signal);
      const burst = Array.from({ length: 5 }, (_, i) => group.put(T0 + i, `burst ${i}`));
      if (how === 'sampled') s.update(burst.slice(0, 2).map(liveOf), true);
      else clock += 60_000;
      await settle();
      expect(messages(await f.poll(signal))).toEqual(burst.map((e) => e.message));
      expect(f.mode).toBe('polling');
      f.close();
    }
  });
});

describe('bounded memory', () => {
  it('SeenEvents forgets what is older than the horizon', () => {
    const seen = new SeenEvents();
    let admitted = 0;
    for (let i = 0; i < 100_000; i++) if (seen.admitPolled(String(i), i, '')) admitted++;
    expect(admitted).toBe(100_000);
    expect(seen.admitPolled('5', 5, '')).toBe(false);
    seen.prune(99_000);
    expect(seen.size).toBe(1000);
  });

  it('stays bounded over a two-hour follow of 100k events, delivering each exactly once', async () => {
    logsMock.on(StartLiveTailCommand).rejects(new Error('unavailable'));
    const f = follower({ liveTail: false, maxPagesPerPoll: 3, pageSize: 10_000 });
    const delivered = new Set<string>();
    let put = 0,
      maxRemembered = 0;
    for (let poll = 0; put < 100_000; poll++) {
      clock += 10_000;
      for (let i = 0; i < 139 && put < 100_000; i++, put++) {
        // One event in ten is late: ingested now with a timestamp up to 100 s old.
        group.put(clock - (put % 10 === 0 ? (put * 7919) % 100_000 : (put * 31) % 10_000), `e${put}`);
      }
      group.events = group.events.filter((e) => e.timestamp! > clock - 5 * 60_000); // keep the fake fast
      for (const e of await f.poll(signal)) {
        if (delivered.has(e.message)) throw new Error(`duplicate ${e.message}`);
        delivered.add(e.message);
      }
      maxRemembered = Math.max(maxRemembered, f.remembered);
    }
    // The last late lines come with the next late re-read (every 30 s).
    for (let i = 0; i < 4; i++) {
      clock += 10_000;
      for (const e of await f.poll(signal)) {
        if (delivered.has(e.message)) throw new Error(`duplicate ${e.message}`);
        delivered.add(e.message);
      }
    }
    expect(delivered.size).toBe(100_000);
    // One late window (120 s) plus a re-read interval (30 s) and the overlap of events at ~14/s.
    expect(maxRemembered).toBeLessThan(2_500);
  });
});
