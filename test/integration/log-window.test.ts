// The baseline read of a past stretch of logs (getLogWindow) against moto over real HTTP: window
// bounds, paging, maxEvents and the page budget, pacing, errors-only, and the backend's log group.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { type FilterLogEventsCommandInput } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClients } from '../../src/adapters/aws/clients.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { readLogWindow, type LogWindowOptions } from '../../src/adapters/aws/logWindow.js';
import type { LogWindowQuery } from '../../src/domain/backend.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { awsClients, seededBackendOptions, seedLogStream } from '../helpers/seedAws.js';

const GROUP = '/ecs/shop-web';
const STREAM = 'web/web/4f1c9e2a';
const MIN = 60_000;
// moto, like AWS, drops events older than 14 days or more than 2 hours ahead: a stretch just behind now.
const T0 = Math.floor(Date.now() / MIN) * MIN - 30 * MIN;
const signal = new AbortController().signal;
let moto: Moto;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  moto = await startMoto();
  logs = awsClients(moto).logs;
});
afterAll(async () => {
  logs?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  vi.restoreAllMocks();
});

/** n INFO lines a second apart, ending a minute before T+0. */
const infoLines = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: T0 - MIN - (n - i) * 1000,
    message: `INFO  GET /api/cart 200 ${i}ms`,
  }));

const query = (q: Partial<LogWindowQuery> = {}): LogWindowQuery => ({
  from: T0 - 60 * MIN,
  to: T0,
  errorsOnly: false,
  maxEvents: 10_000,
  ...q,
});

/** Pacing on a clock of its own: the waits asked for, none slept. */
function fakePace() {
  let clock = T0;
  const waits: number[] = [];
  return {
    waits,
    advance: (ms: number) => (clock += ms),
    now: () => clock,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock += ms;
    },
  };
}

/** Runs fn on each send before it goes, with a copy of its input: the paginator reuses one input object. */
function onSend(fn: (input: FilterLogEventsCommandInput) => void) {
  const send = logs.send.bind(logs);
  return vi.spyOn(logs, 'send').mockImplementation(((cmd: { input: FilterLogEventsCommandInput }, opts: never) => {
    fn({ ...cmd.input });
    return send(cmd as never, opts);
  }) as typeof logs.send);
}

/** readLogWindow with the FilterLogEvents inputs it sent. */
async function read(q: Partial<LogWindowQuery>, o: Partial<LogWindowOptions> = {}) {
  const pace = fakePace();
  const sent: FilterLogEventsCommandInput[] = [];
  const spy = onSend((input) => sent.push(input));
  const window = await readLogWindow(
    logs,
    query(q),
    { logGroup: GROUP, sleep: pace.sleep, now: pace.now, ...o },
    signal,
  );
  spy.mockRestore();
  return { window, sent, waits: pace.waits };
}

describe('readLogWindow against moto', () => {
  it('keeps to [from, to): a line at `to` is the release’s, one before `from` is not asked for', async () => {
    const from = T0 - 10 * MIN;
    const at = [from - 1, from, from + 1, T0 - 1, T0, T0 + 1000];
    await seedLogStream(
      moto,
      GROUP,
      STREAM,
      at.map((timestamp, i) => ({ timestamp, message: `INFO  line ${i}` })),
    );
    const { window, sent } = await read({ from });
    expect(window.events.map((e) => e.message)).toEqual(['INFO  line 1', 'INFO  line 2', 'INFO  line 3']);
    expect(window).toMatchObject({ truncated: false, requests: 1 });
    expect(sent[0]).toMatchObject({ logGroupName: GROUP, startTime: from, endTime: T0 - 1 });
  });

  it('follows nextToken until the stretch is covered, oldest first, each event mapped as the follower maps it', async () => {
    const lines = infoLines(25);
    lines[7]!.message = 'WARN  db slow query 812ms';
    await seedLogStream(moto, GROUP, STREAM, lines);
    const { window, sent } = await read({}, { pageSize: 10 });
    expect(window.requests).toBe(3);
    expect(sent.map((s) => [s.limit, s.nextToken === undefined])).toEqual([
      [10, true],
      [10, false],
      [10, false],
    ]);
    expect(window.truncated).toBe(false);
    expect(window.events.map((e) => e.timestamp)).toEqual(lines.map((l) => l.timestamp));
    expect(new Set(window.events.map((e) => e.id)).size).toBe(25);
    expect(window.events[7]).toMatchObject({ stream: STREAM, message: 'WARN  db slow query 812ms', level: 'WARN' });
    expect(window.events[0]!.level).toBe('INFO');
  });

  it('stops at maxEvents with the oldest events and says it was cut', async () => {
    const lines = infoLines(25);
    await seedLogStream(moto, GROUP, STREAM, lines);
    const { window } = await read({ maxEvents: 12 }, { pageSize: 10 });
    expect(window.events.map((e) => e.timestamp)).toEqual(lines.slice(0, 12).map((l) => l.timestamp));
    expect(window).toMatchObject({ truncated: true, requests: 2 });
  });

  it('is not cut when the stretch holds exactly maxEvents', async () => {
    await seedLogStream(moto, GROUP, STREAM, infoLines(10));
    const { window } = await read({ maxEvents: 10 });
    expect(window).toMatchObject({ truncated: false, requests: 1 });
    expect(window.events).toHaveLength(10);
  });

  it('stops at the page budget, cut short', async () => {
    await seedLogStream(moto, GROUP, STREAM, infoLines(25));
    const { window } = await read({}, { pageSize: 5, maxPages: 3 });
    expect(window).toMatchObject({ truncated: true, requests: 3 });
    expect(window.events).toHaveLength(15);
  });

  it('waits 500 ms between request starts by default: 2 requests a second at most', async () => {
    await seedLogStream(moto, GROUP, STREAM, infoLines(25));
    const { waits, window } = await read({}, { pageSize: 5 });
    expect(window.requests).toBe(5);
    expect(waits).toEqual([500, 500, 500, 500]);
  });

  it('counts a slow answer toward the interval: no wait after a page that took longer', async () => {
    await seedLogStream(moto, GROUP, STREAM, infoLines(25));
    const pace = fakePace();
    onSend(() => pace.advance(300));
    const window = await readLogWindow(
      logs,
      query(),
      { logGroup: GROUP, pageSize: 10, sleep: pace.sleep, now: pace.now },
      signal,
    );
    expect(window.requests).toBe(3);
    expect(pace.waits).toEqual([200, 200]);
  });

  it('starts no request 30 s after the first: a slow group gives a cut baseline, not a run the poller abandons', async () => {
    await seedLogStream(moto, GROUP, STREAM, infoLines(25));
    const pace = fakePace();
    onSend(() => pace.advance(12_000));
    const window = await readLogWindow(
      logs,
      query(),
      { logGroup: GROUP, pageSize: 5, sleep: pace.sleep, now: pace.now },
      signal,
    );
    expect(window).toMatchObject({ truncated: true, requests: 3 });
    expect(window.events).toHaveLength(15);
  });

  it('errors only: asks for the error words in both cases and keeps only error lines (moto matches every line for it)', async () => {
    const lines = infoLines(6);
    lines[1]!.message = 'ERROR checkout upstream timeout after 5000ms';
    lines[3]!.message = 'PANIC checkout: runtime error: invalid memory address';
    lines[4]!.message = 'INFO  upstream answered, 0 errors';
    await seedLogStream(moto, GROUP, STREAM, lines);
    const { window, sent } = await read({ errorsOnly: true }, { filterPattern: 'GET' });
    expect(sent[0]!.filterPattern).toBe('?ERROR ?error ?PANIC ?panic ?FATAL ?fatal');
    expect(window.events.map((e) => e.message)).toEqual([lines[1]!.message, lines[3]!.message]);
  });

  it('uses the configured filter pattern when not errors-only', async () => {
    const lines = infoLines(4);
    lines[2]!.message = 'INFO  checkout POST /api/checkout 201 40ms';
    await seedLogStream(moto, GROUP, STREAM, lines);
    const { window, sent } = await read({}, { filterPattern: 'checkout' });
    expect(sent[0]!.filterPattern).toBe('checkout');
    expect(window.events.map((e) => e.message)).toEqual([lines[2]!.message]);
  });
});

describe('AwsBackend.getLogWindow against moto', () => {
  const backend = (logGroup?: string) =>
    new AwsBackend(createClients({ region: 'us-east-1', endpoint: moto.endpoint }), {
      ...seededBackendOptions(moto.endpoint),
      logGroup,
    });

  beforeAll(() => {
    Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  });

  it('reads the configured group over the task definition’s, and the task definition’s when none is configured', async () => {
    await seedLogStream(moto, '/ecs/configured', STREAM, [{ timestamp: T0 - MIN, message: 'INFO  from configured' }]);
    await seedLogStream(moto, '/ecs/taskdef', STREAM, [{ timestamp: T0 - MIN, message: 'INFO  from taskdef' }]);
    const configured = backend('/ecs/configured');
    const fromTaskDef = backend();
    try {
      const a = await configured.getLogWindow(query({ logGroup: '/ecs/taskdef' }), signal);
      expect(a.events.map((e) => e.message)).toEqual(['INFO  from configured']);
      const b = await fromTaskDef.getLogWindow(query({ logGroup: '/ecs/taskdef' }), signal);
      expect(b.events.map((e) => e.message)).toEqual(['INFO  from taskdef']);
      expect(b).toMatchObject({ truncated: false, requests: 1 });
    } finally {
      configured.close();
      fromTaskDef.close();
    }
  });

  it('says there is no log group when neither config nor task definition names one, and names the action when the group is missing', async () => {
    const b = backend();
    try {
      await expect(b.getLogWindow(query(), signal)).rejects.toThrow(/^no log group/);
      await expect(b.getLogWindow(query({ logGroup: '/ecs/nowhere' }), signal)).rejects.toThrow(
        /^logs:FilterLogEvents: ResourceNotFoundException/,
      );
    } finally {
      b.close();
    }
  });
});
