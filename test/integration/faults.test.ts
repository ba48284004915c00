// Faults between shipwatch and AWS, below the UI: the AWS adapter with its real SDK clients, the app's
// sources and poller, and a fault-injecting proxy in front of moto. Intervals, deadlines and the
// backoff cap are shrunk by configuration so each fault plays out in a few seconds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClients } from '../../src/adapters/aws/clients.js';
import type { RequestTimeouts } from '../../src/adapters/aws/deadlines.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { Poller, RunDeadlineError } from '../../src/app/poller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createSources } from '../../src/app/sources.js';
import { createStore, type Store } from '../../src/app/store.js';
import { withMotoBehindProxy } from '../helpers/motoProxy.js';
import { seededBackendOptions } from '../helpers/seedAws.js';

const { proxy } = withMotoBehindProxy();
let app: { store: Store; poller: Poller; backend: AwsBackend; errors: unknown[] } | undefined;

const FAST: RequestTimeouts = { readMs: 400, logsPageMs: 800, costMs: 800, connectMs: 300 };
const INTERVALS = { service: 200, alarms: 200, metrics: 1000, logs: 300, cost: 60_000, tasks: 1000, targets: 1000 };
const CAP_MS = 1000;

afterEach(() => {
  app?.poller.stop();
  app?.backend.close();
  app = undefined;
});

/** The dashboard without drawing; a run the poller abandons is shown in its pane like any failure. */
function startApp(o: { timeouts?: RequestTimeouts; runDeadlineMs?: number } = {}) {
  const clients = createClients({ region: 'us-east-1', endpoint: proxy().url, timeouts: o.timeouts ?? FAST });
  const backend = new AwsBackend(clients, {
    ...seededBackendOptions(proxy().url),
    cacheDir: mkdtempSync(join(tmpdir(), 'shipwatch-cost-')),
  });
  const store = createStore(initialState());
  const errors: unknown[] = [];
  const poller = new Poller({
    maxBackoffMs: CAP_MS,
    runDeadlineMs: o.runDeadlineMs ?? 3000,
    onError: (id, e) => {
      errors.push(e);
      if (e instanceof RunDeadlineError)
        store.dispatch({ type: 'source/failed', source: id as 'service', error: e.message, at: Date.now() });
    },
  });
  for (const s of createSources(backend, store, INTERVALS)) poller.add(s);
  app = { store, poller, backend, errors };
  return app;
}

const count = (api: string, from = 0, to = Infinity) =>
  proxy().requests.filter((r) => r.operation === api && r.at >= from && r.at < to).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loaded = (store: Store) => vi.waitFor(() => expect(store.getState().service.status).toBe('ok'), 5000);

describe('faults through a proxy in front of moto', () => {
  it('a hung DescribeServices times out within its deadline and is asked again; other panes keep updating', async () => {
    const { store } = startApp();
    await loaded(store);
    proxy().setFaults([{ api: 'DescribeServices', action: { kind: 'hang' } }]);
    const hungAt = Date.now();
    await vi.waitFor(() => expect(store.getState().service.error).toBe('ecs:DescribeServices timed out after 400 ms'), {
      timeout: 2000,
    });
    // Shown within the deadline (plus one interval for the run to start), not whenever the socket dies.
    expect(store.getState().service.failedAt! - hungAt).toBeLessThan(400 + INTERVALS.service + 300);
    const alarmsAt = store.getState().alarms.updatedAt!;
    const asked = count('DescribeServices');
    await vi.waitFor(() => expect(count('DescribeServices')).toBeGreaterThan(asked), 3000);
    expect(store.getState().alarms.updatedAt!).toBeGreaterThan(alarmsAt);
    proxy().clear();
    await vi.waitFor(() => expect(store.getState().service.status).toBe('ok'), CAP_MS + 2000);
  });

  it('with no request deadline at all, the poller abandons the run and polls again', async () => {
    const { store, errors } = startApp({
      timeouts: { readMs: 60_000, logsPageMs: 60_000, costMs: 60_000, connectMs: 60_000 },
      runDeadlineMs: 600,
    });
    await loaded(store);
    proxy().setFaults([{ api: 'DescribeServices', action: { kind: 'hang' } }]);
    await vi.waitFor(() => expect(store.getState().service.error).toBe('service did not answer in 0.6 s'), 3000);
    expect(errors.some((e) => e instanceof RunDeadlineError)).toBe(true);
    const asked = count('DescribeServices');
    await vi.waitFor(() => expect(count('DescribeServices')).toBeGreaterThan(asked), 3000);
  });

  it('a throttling storm: the request rate falls while throttled and recovers after', async () => {
    const { store } = startApp();
    await loaded(store);
    const t0 = Date.now();
    await sleep(2000);
    proxy().setFaults([{ action: { kind: 'throttle' } }]);
    const t1 = Date.now();
    await sleep(6000);
    proxy().clear();
    const t2 = Date.now();
    await sleep(3000);
    const t3 = Date.now();
    const rate = (from: number, to: number) =>
      proxy().requests.filter((r) => r.at >= from && r.at < to).length / ((to - from) / 1000);
    const before = rate(t0, t1);
    const stormEnd = rate(t2 - 2000, t2);
    const after = rate(t3 - 2000, t3);
    console.log(`requests/s: before ${before.toFixed(1)}, storm end ${stormEnd.toFixed(1)}, after ${after.toFixed(1)}`);
    expect(stormEnd).toBeLessThan(before / 2);
    expect(after).toBeGreaterThan(before * 0.6);
    expect(store.getState().service.status).toBe('ok');
  }, 30_000);

  it('connection resets: a few are retried unseen, a lasting one names the API in its pane', async () => {
    const { store } = startApp();
    await loaded(store);
    proxy().setFaults([{ api: 'DescribeAlarms', action: { kind: 'reset' }, times: 2 }]);
    const from = Date.now();
    await vi.waitFor(() => expect(count('DescribeAlarms', from)).toBeGreaterThanOrEqual(4), 3000);
    expect(store.getState().alarms.status).toBe('ok');
    proxy().setFaults([{ api: 'DescribeAlarms', action: { kind: 'reset' } }]);
    await vi.waitFor(
      () =>
        expect(store.getState().alarms.error).toMatch(
          /^cloudwatch:DescribeAlarms: no connection to AWS \(ECONNRESET\)/,
        ),
      3000,
    );
    expect(store.getState().service.status).toBe('ok');
  });

  it('an outage, then recovery: fresh data again within the backoff cap after the outage ends', async () => {
    const { store } = startApp();
    await loaded(store);
    proxy().setFaults([{ action: { kind: 'down' } }]);
    await vi.waitFor(() => expect(store.getState().service.status).toBe('error'), 3000);
    expect(store.getState().service.error).toMatch(/^ecs:DescribeServices: no connection to AWS/);
    await sleep(4000); // long enough for the backoff to reach its cap
    proxy().clear();
    const endedAt = Date.now();
    await vi.waitFor(() => expect(store.getState().service.updatedAt ?? 0).toBeGreaterThan(endedAt), CAP_MS + 1500);
    await vi.waitFor(() => expect(store.getState().alarms.updatedAt ?? 0).toBeGreaterThan(endedAt), CAP_MS + 1500);
    expect(store.getState().service.updatedAt! - endedAt).toBeLessThanOrEqual(CAP_MS + 1000);
  });

  it('an expired token says what to run', async () => {
    const { store } = startApp();
    await loaded(store);
    proxy().setFaults([
      {
        api: /^ecs:/,
        action: {
          kind: 'status',
          status: 400,
          body: JSON.stringify({
            __type: 'ExpiredTokenException',
            message: 'The security token included in the request is expired',
          }),
        },
      },
    ]);
    await vi.waitFor(() => expect(store.getState().service.status).toBe('error'), 3000);
    expect(store.getState().service.error).toMatch(/^AWS credentials missing or expired: run aws sso login/);
  });

  it('AccessDenied on one API shows in its pane only; the others keep working', async () => {
    const { store } = startApp();
    await loaded(store);
    proxy().setFaults([
      {
        api: 'DescribeAlarms',
        action: {
          kind: 'status',
          status: 400,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'AccessDenied;Sender' },
          body: JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized' }),
        },
      },
    ]);
    await vi.waitFor(() => expect(store.getState().alarms.status).toBe('error'), 3000);
    expect(store.getState().alarms.error).toBe(
      'cloudwatch:DescribeAlarms: access denied — the IAM policy needs cloudwatch:DescribeAlarms (see README)',
    );
    const serviceAt = store.getState().service.updatedAt!;
    await vi.waitFor(() => expect(store.getState().service.updatedAt!).toBeGreaterThan(serviceAt), 2000);
    expect(store.getState().service.error).toBeUndefined();
  });
});
