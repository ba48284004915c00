// The sources ask the port for what they need from the store, once: the service read names the log
// group and the load balancers, and no adapter keeps its own copy of the service.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Controller, OTHERS_START_AFTER_MS, type ControllerHooks } from '../../src/app/controller.js';
import { CredentialsError } from '../../src/domain/errors.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import type { Backend, LogFollow, LogsQuery, MetricsQuery } from '../../src/domain/backend.js';
import { sanitizedBackend } from '../../src/app/sanitizedBackend.js';
import { LOGS_FLOWING_SHARE } from '../../src/app/sources.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { TEST_INTERVALS } from '../helpers/renderApp.js';
import { service, taskDef } from '../helpers/service.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

class RecordingBackend extends FakeBackend {
  readonly calls: string[] = [];
  readonly logQueries: LogsQuery[] = [];
  readonly metricQueries: MetricsQuery[] = [];
  follow: LogFollow = { mode: 'live-tail' };
  serviceDelayMs = 0;

  override getService = async () => {
    this.calls.push('service');
    await new Promise((r) => setTimeout(r, this.serviceDelayMs));
    return this.world.service;
  };
  override getAlarms = async () => {
    this.calls.push('alarms');
    return this.world.alarms;
  };
  override getIdentity = async () => {
    this.calls.push('identity');
    return { account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/oncall/me', region: 'us-east-1' };
  };
  override getCost = async () => {
    this.calls.push('cost');
    return this.world.cost;
  };
  override getMetrics = async (q?: MetricsQuery) => {
    if (q) this.metricQueries.push(q);
    return this.world.metrics;
  };
  override async getLogs(q: LogsQuery = {}) {
    this.calls.push('logs');
    this.logQueries.push(q);
    return { ...(await super.getLogs()), follow: this.follow };
  }
}

function start(backend: Backend, hooks: ControllerHooks = {}) {
  const store = createStore(initialState());
  const controller = new Controller(backend, store, TEST_INTERVALS, hooks);
  controller.start();
  return { store, controller };
}

const lb = { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/abc', containerName: 'web' };

describe('sources read what the store knows', () => {
  it('logs wait for the first service read and ask with the serving task definition log group', async () => {
    const backend = new RecordingBackend();
    const svc = service(42, [41, 42]);
    svc.taskDefinitions['web:42'] = { ...taskDef(42), logGroup: '/ecs/web' };
    backend.world.service = svc;
    backend.serviceDelayMs = 300;
    const { controller } = start(backend);
    await vi.advanceTimersByTimeAsync(250); // the logs interval passes while the service read is out
    expect(backend.calls).toEqual(['service']);
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.calls).toContain('logs');
    expect(backend.logQueries[0]).toEqual({ logGroup: '/ecs/web' });
    // one service read at start: the logs did not make their own
    expect(backend.calls.filter((c) => c === 'service')).toHaveLength(1);
    controller.stop();
  });

  it('metrics get the release start and the load balancers from the service slice', async () => {
    const backend = new RecordingBackend();
    backend.world.service = service(42, [41, 42], { loadBalancers: [lb], hasLoadBalancer: true });
    const { controller, store } = start(backend);
    await vi.advanceTimersByTimeAsync(50);
    const t0 = Math.max(...store.getState().service.data!.deployments.map((d) => d.createdAt));
    expect(backend.metricQueries.at(-1)).toEqual({ releaseStart: t0, loadBalancers: [lb] });
    controller.stop();
  });

  it("the follower's mode reaches the store, its note as data (no control sequences)", async () => {
    const backend = new RecordingBackend();
    backend.follow = { mode: 'polling', note: 'Live Tail unavailable: \u001b]0;PWNED\u0007denied' };
    const { controller, store } = start(sanitizedBackend(backend));
    await vi.advanceTimersByTimeAsync(50);
    const follow = store.getState().logs.follow!;
    expect(follow.mode).toBe('polling');
    expect(follow.note).toContain('denied');
    expect(follow.note).not.toMatch(/[\u001b\u0007]/);
    // an equal status on the next poll keeps the same object: the pane does not redraw for it
    await vi.advanceTimersByTimeAsync(TEST_INTERVALS.logs);
    expect(store.getState().logs.follow).toBe(follow);
    controller.stop();
  });
});

describe('the logs interval', () => {
  it('is three quarters of intervals.logs while lines arrive, and the whole of it when the stream is quiet', async () => {
    const backend = new RecordingBackend();
    const pollsAt: number[] = [];
    let lines = 3;
    backend.getLogs = async () => {
      pollsAt.push(Date.now());
      const events =
        lines-- > 0 ? [{ id: `e${lines}`, timestamp: 1, stream: 's', message: 'm', level: 'INFO' as const }] : [];
      return { events, follow: { mode: 'polling' } };
    };
    const { controller } = start(backend);
    await vi.advanceTimersByTimeAsync(5 * TEST_INTERVALS.logs);
    const gaps = pollsAt.slice(1).map((t, i) => t - pollsAt[i]!);
    const flowing = Math.round(TEST_INTERVALS.logs * LOGS_FLOWING_SHARE);
    // Three polls brought a line each; the fourth found none and the interval went back to the whole.
    expect(gaps.slice(0, 4)).toEqual([flowing, flowing, flowing, TEST_INTERVALS.logs]);
    controller.stop();
  });
});

describe('start', () => {
  it('sends the service read first; the other sources start when it answers', async () => {
    const backend = new RecordingBackend();
    backend.serviceDelayMs = 300;
    const { controller } = start(backend);
    await vi.advanceTimersByTimeAsync(250);
    expect(backend.calls).toEqual(['service']);
    await vi.advanceTimersByTimeAsync(100);
    expect(new Set(backend.calls)).toEqual(new Set(['service', 'identity', 'alarms', 'cost', 'logs']));
    controller.stop();
  });

  it('starts the others anyway when the service read does not answer in time', async () => {
    const backend = new RecordingBackend();
    backend.serviceDelayMs = 60_000;
    const { controller } = start(backend);
    await vi.advanceTimersByTimeAsync(OTHERS_START_AFTER_MS - 10);
    expect(backend.calls).toEqual(['service']);
    await vi.advanceTimersByTimeAsync(20);
    expect(backend.calls).toEqual(expect.arrayContaining(['identity', 'alarms', 'cost']));
    controller.stop();
  });

  it('refused credentials on the first answer end the run; once a read has answered they are a pane error', async () => {
    const refuse = () => Promise.reject(new CredentialsError('AWS credentials missing or expired: run aws sso login'));
    const cold = new RecordingBackend();
    cold.getService = refuse;
    const fatal: Error[] = [];
    const first = start(cold, { onFatal: (e) => fatal.push(e) });
    await vi.advanceTimersByTimeAsync(10);
    expect(fatal.map((e) => e.message)).toEqual(['AWS credentials missing or expired: run aws sso login']);
    first.controller.stop();

    const warm = new RecordingBackend();
    const later: Error[] = [];
    const second = start(warm, { onFatal: (e) => later.push(e) });
    await vi.advanceTimersByTimeAsync(10);
    expect(second.store.getState().service.status).toBe('ok');
    warm.getService = refuse;
    await vi.advanceTimersByTimeAsync(TEST_INTERVALS.service + 10);
    expect(second.store.getState().service.error).toMatch(/^AWS credentials missing or expired/);
    expect(later).toEqual([]);
    second.controller.stop();
  });
});
