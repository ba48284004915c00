// LogFollower's polling rules against moto over real HTTP (PutLogEvents, FilterLogEvents): each
// poll reads from the newest timestamp seen minus the overlap, the late window is read again every
// 30 s, nothing is lost or repeated in a paged flood, and the request budget holds. Time is the
// follower's injected clock, advanced by the test: nothing sleeps and nothing is timed.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type FilterLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LogFollower, type LogFollowerOptions } from '../../src/adapters/aws/logFollower.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { awsClients } from '../helpers/seedAws.js';

const GROUP = '/ecs/flood';
const STREAMS = ['web/a', 'web/b', 'web/c'];
const signal = new AbortController().signal;
let moto: Moto;
let logs: CloudWatchLogsClient;
let clock: number;
/** Every FilterLogEvents request, with the follower's clock when it was sent. */
let sent: { input: FilterLogEventsCommandInput; at: number }[];

beforeAll(async () => {
  moto = await startMoto();
  logs = awsClients(moto).logs;
  logs.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'FilterLogEventsCommand')
        sent.push({ input: { ...(args.input as FilterLogEventsCommandInput) }, at: clock });
      return next(args);
    },
    { step: 'initialize', name: 'countFilterLogEvents' },
  );
});
afterAll(async () => {
  logs?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  sent = [];
  clock = Date.now();
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  for (const logStreamName of STREAMS)
    await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName }));
});

let seq = 0;
/** Puts one batch (sorted, as PutLogEvents requires); returns the messages. */
async function put(stream: string, timestamps: number[], tag = 'line'): Promise<string[]> {
  const logEvents = [...timestamps]
    .sort((a, b) => a - b)
    .map((timestamp) => ({ timestamp, message: `${tag} ${++seq}` }));
  await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, logEvents }));
  return logEvents.map((e) => e.message);
}

const follow = (o: Partial<LogFollowerOptions> = {}) =>
  new LogFollower(logs, { logGroup: GROUP, now: () => clock, ...o });

/** One poll; a message returned twice fails the test. Returns the poll's messages and its requests. */
async function pollOnce(f: LogFollower, delivered: Map<string, number>, pollNo = 0) {
  const before = sent.length;
  const got = await f.poll(signal);
  for (const e of got) {
    expect(delivered.has(e.message), `duplicate ${e.message}`).toBe(false);
    delivered.set(e.message, pollNo);
  }
  return { messages: got.map((e) => e.message), requests: sent.slice(before) };
}

describe('incremental reads', () => {
  it('after the first poll, each poll starts at the newest timestamp seen minus the overlap, not now minus 2 minutes', async () => {
    await put('web/a', [clock - 20_000, clock - 10_000]);
    const f = follow();
    const delivered = new Map<string, number>();
    const first = await pollOnce(f, delivered);
    expect(first.messages).toHaveLength(2);
    expect(first.requests.map((r) => r.input.startTime)).toEqual([clock - 5 * 60_000]); // the history, once

    let newest = clock - 10_000;
    for (let i = 0; i < 10; i++) {
      clock += 1000;
      const ts = clock - 200;
      await put(STREAMS[i % 3]!, [ts]);
      const p = await pollOnce(f, delivered);
      expect(p.messages).toHaveLength(1); // shown in the poll after it was put
      expect(p.requests.map((r) => r.input.startTime)).toEqual([newest - 5000]);
      expect(p.requests[0]!.input.startTime).toBeGreaterThan(clock - 120_000 + 60_000);
      newest = ts;
    }
  });

  it('a quiet group costs one request a poll and one more every 30 s for the late window', async () => {
    await put('web/a', [clock - 1000]);
    const f = follow();
    const delivered = new Map<string, number>();
    await pollOnce(f, delivered);
    sent = [];
    const start = clock;
    for (let i = 0; i < 120; i++) {
      clock += 1000;
      await pollOnce(f, delivered);
    }
    const head = sent.filter((r) => r.input.startTime === start - 1000 - 5000); // newest seen - overlap
    const late = sent.filter((r) => r.input.startTime! < start - 1000 - 5000);
    expect(head).toHaveLength(120); // the head pass: one per poll
    expect(late.length + head.length).toBe(sent.length);
    expect(late).toHaveLength(4); // the late re-read: every 30 s
  });
});

describe('late events', () => {
  it('an event put with a timestamp 90 s old appears exactly once, after the late re-read', async () => {
    const f = follow();
    const delivered = new Map<string, number>();
    await put('web/a', [clock - 1000]);
    await pollOnce(f, delivered, 0);
    let late: string | undefined;
    let lateStartSeen = false;
    for (let poll = 1; poll <= 200; poll++) {
      clock += 1000;
      await put('web/b', [clock - 300]); // keeps the newest timestamp moving
      if (poll === 5) [late] = await put('web/c', [clock - 90_000], 'late');
      const p = await pollOnce(f, delivered, poll);
      if (poll >= 5 && p.requests.some((r) => r.input.startTime! <= clock - 90_000 - 5000)) lateStartSeen = true;
    }
    expect(lateStartSeen).toBe(true);
    // Not from a head pass (those start 5 s behind the newest line) but from the next re-read.
    const shownAt = delivered.get(late!);
    expect(shownAt).toBeGreaterThan(5);
    expect(shownAt).toBeLessThanOrEqual(5 + 31);
    expect([...delivered.keys()].filter((m) => m === late)).toHaveLength(1);
    expect(delivered.size).toBe(202);
  });
});

describe('a paged flood', () => {
  it('0 lost, 0 duplicated over 6,000+ events at 100 lines/s with 5 % up to 110 s late, within the request budget', async () => {
    // 100 lines/s against pages of 1,000 is 1,000 lines/s against AWS's 10,000: the defaults' budget.
    const f = follow({ pageSize: 1000 });
    const delivered = new Map<string, number>();
    const putAt = new Map<string, { poll: number; late: boolean }>();
    let poll = 0;
    for (; poll < 60; poll++) {
      clock += 1000;
      for (const [k, stream] of STREAMS.entries()) {
        const onTime = Array.from({ length: 32 }, (_, i) => clock - 1000 + ((i * 31 + k * 7) % 1000));
        for (const m of await put(stream, onTime)) putAt.set(m, { poll, late: false });
      }
      const lateTs = Array.from({ length: 5 }, (_, i) => clock - 10_000 - ((poll * 7919 + i * 104_729) % 100_000));
      for (const m of await put(STREAMS[poll % 3]!, lateTs, 'late')) putAt.set(m, { poll, late: true });
      await pollOnce(f, delivered, poll);
    }
    for (; poll < 60 + 35; poll++) {
      clock += 1000;
      await pollOnce(f, delivered, poll);
    }
    const lost = [...putAt.keys()].filter((m) => !delivered.has(m));
    expect(lost).toEqual([]);
    expect(delivered.size).toBe(putAt.size);
    expect(putAt.size).toBe(60 * (3 * 32 + 5));
    // On-time lines are shown by the poll right after their put; late ones by a re-read within ~30 s.
    for (const [m, at] of putAt) {
      const shown = delivered.get(m)!;
      if (at.late) expect(shown - at.poll, m).toBeLessThanOrEqual(31);
      else expect(shown, m).toBe(at.poll);
    }
    // Pages were followed (the late window holds ~15,000 lines) within 3 requests a poll, 2 a second.
    expect(sent.some((r) => r.input.nextToken)).toBe(true);
    const perPoll = new Map<number, number>();
    for (const r of sent) perPoll.set(r.at, (perPoll.get(r.at) ?? 0) + 1);
    expect(Math.max(...perPoll.values())).toBeLessThanOrEqual(3);
    expect(sent.length).toBeLessThanOrEqual(2 * poll + 3);
  });
});

describe('the request budget', () => {
  it('a backlog is caught up at ≤ 3 requests a poll and ≤ 2 a second on average, however often it is polled', async () => {
    for (const stream of STREAMS)
      await put(
        stream,
        Array.from({ length: 400 }, (_, i) => clock - 200_000 + i * 400),
        'backlog',
      );
    const f = follow({ pageSize: 20 }); // 1,200 lines: 60 pages
    const delivered = new Map<string, number>();
    const start = clock;
    for (let poll = 0; poll < 600 && delivered.size < 1200; poll++) {
      clock += 100; // polled ten times a second
      const p = await pollOnce(f, delivered, poll);
      expect(p.requests.length).toBeLessThanOrEqual(3);
    }
    expect(delivered.size).toBe(1200);
    const seconds = (clock - start) / 1000;
    expect(sent.length).toBeLessThanOrEqual(2 * seconds + 3);
    // Any 5 s of the follower's clock: at most 2 a second plus the burst.
    for (const r of sent) expect(sent.filter((s) => s.at >= r.at && s.at < r.at + 5000).length).toBeLessThanOrEqual(13);
  });
});
