// LogFollower's polling path against moto over real HTTP: paging, new streams, the server-side
// filter, and the automatic fallback when Live Tail is not served. Incremental reads, late events,
// floods and the request budget: logs-incremental.test.ts.
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type FilterLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogFollower, type LogFollowerOptions } from '../../src/adapters/aws/logFollower.js';
import type { LogEvent } from '../../src/domain/model.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

const GROUP = '/ecs/shop-web';
let moto: Moto;
let logs: CloudWatchLogsClient;
let clock: number;
const signal = new AbortController().signal;

beforeAll(async () => {
  moto = await startMoto();
  logs = new CloudWatchLogsClient({
    endpoint: moto.endpoint,
    region: TEST_CREDENTIALS.AWS_REGION,
    credentials: {
      accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
});
afterAll(async () => {
  logs?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  vi.restoreAllMocks();
  clock = Date.now();
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'web/task-a' }));
});

const put = (timestamps: number[], message: (i: number) => string, stream = 'web/task-a') =>
  logs.send(
    new PutLogEventsCommand({
      logGroupName: GROUP,
      logStreamName: stream,
      logEvents: timestamps.map((timestamp, i) => ({ timestamp, message: message(i) })),
    }),
  );

const follow = (o: Partial<LogFollowerOptions> = {}) =>
  new LogFollower(logs, { logGroup: GROUP, now: () => clock, liveTail: false, ...o });

/** Polls n times, failing on any event returned twice. */
async function pollAll(f: LogFollower, n: number, ids = new Set<string>()): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for (let i = 0; i < n; i++) {
    for (const e of await f.poll(signal)) {
      expect(ids.has(e.id), `duplicate ${e.message}`).toBe(false);
      ids.add(e.id);
      out.push(e);
    }
  }
  return out;
}

/** FilterLogEvents requests made during fn. */
async function requests(fn: () => Promise<unknown>): Promise<FilterLogEventsCommandInput[]> {
  const spy = vi.spyOn(logs, 'send');
  await fn();
  const inputs = spy.mock.calls.map((c) => (c[0] as { input: FilterLogEventsCommandInput }).input);
  spy.mockRestore();
  return inputs;
}

describe('LogFollower against moto', () => {
  it('pages through many events sharing one millisecond, a few requests per poll, without duplicates or losses', async () => {
    const ms = clock - 30_000;
    await put(Array(10).fill(ms), (i) => `same ms ${i}`);
    const f = follow({ pageSize: 3, maxPagesPerPoll: 2 });
    const seen = new Set<string>();
    let first: LogEvent[] = [];
    const sent = await requests(async () => (first = await pollAll(f, 1, seen)));
    expect(sent).toHaveLength(2); // the page cap, not all four pages
    expect(first.map((e) => e.message)).toEqual([
      'same ms 0',
      'same ms 1',
      'same ms 2',
      'same ms 3',
      'same ms 4',
      'same ms 5',
    ]);
    await put([ms, ms], (i) => `arrived later, same ms ${i}`);
    const rest: LogEvent[] = [];
    for (let i = 0; i < 4; i++) {
      clock += 1000; // the request budget refills with the follower's clock
      rest.push(...(await pollAll(f, 1, seen)));
    }
    expect(rest.map((e) => e.message).sort()).toEqual(
      [
        'same ms 6',
        'same ms 7',
        'same ms 8',
        'same ms 9',
        'arrived later, same ms 0',
        'arrived later, same ms 1',
      ].sort(),
    );
    expect(seen.size).toBe(12);
    expect(first.every((e) => e.timestamp === ms && e.stream === 'web/task-a' && e.level === 'INFO')).toBe(true);
  });

  it('picks up a stream created between polls', async () => {
    await put([clock - 1_000], () => 'from a');
    const f = follow();
    expect((await f.poll(signal)).map((e) => e.message)).toEqual(['from a']);
    await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'web/task-b' }));
    clock += 2_000;
    await put([clock - 500], () => 'from b', 'web/task-b');
    const next = await f.poll(signal);
    expect(next.map((e) => [e.stream, e.message])).toEqual([['web/task-b', 'from b']]);
  });

  it('applies the filter pattern on the server', async () => {
    await put(
      [clock - 3_000, clock - 2_000, clock - 1_000],
      (i) => ['INFO ok', 'ERROR payment failed', 'WARN slow'][i]!,
    );
    const f = follow({ filterPattern: 'ERROR' });
    const [req] = await requests(async () => {
      const got = await f.poll(signal);
      expect(got.map((e) => [e.message, e.level])).toEqual([['ERROR payment failed', 'ERROR']]);
    });
    expect(req!.filterPattern).toBe('ERROR');
  });

  it('falls back to polling from the start when Live Tail is not served (as here)', async () => {
    await put([clock - 4 * 60_000, clock - 1_000], (i) => `history ${i}`);
    const f = follow({ liveTail: true });
    expect((await f.poll(signal)).map((e) => e.message)).toEqual(['history 0', 'history 1']);
    expect(f.mode).toBe('polling');
    expect(f.liveTailNote).toMatch(/Live Tail unavailable/);
    f.close();
  });
});
