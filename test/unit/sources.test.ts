// The sources ask the port for what they need from the store, once: the service read names the log
// group and the load balancers, and no adapter keeps its own copy of the service.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Controller } from '../../src/app/controller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import type { Backend, LogFollow, LogsQuery, MetricsQuery } from '../../src/domain/backend.js';
import { sanitizedBackend } from '../../src/app/sanitizedBackend.js';
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

function start(backend: Backend) {
  const store = createStore(initialState());
  const controller = new Controller(backend, store, TEST_INTERVALS);
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
    expect(backend.calls.slice(0, 2)).toEqual(['service', 'logs']);
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
