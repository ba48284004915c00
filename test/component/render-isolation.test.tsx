import { render } from 'ink-testing-library';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { AppEnvContext, appEnvOf } from '../../src/ui/AppEnv.js';
import { PaneSlot } from '../../src/ui/containers/PaneSlot.js';
import { StoreProvider } from '../../src/ui/StoreContext.js';
import { Controller } from '../../src/app/controller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { TEST_INTERVALS } from '../helpers/renderApp.js';
import { Ticker } from '../../src/app/ticker.js';
import type { ServiceSnapshot } from '../../src/domain/model.js';
import { deployment, service } from '../helpers/service.js';

describe('panes subscribe to their own slice', () => {
  it('a log batch re-renders the Logs pane and not the Metrics pane', async () => {
    const store = createStore(initialState());
    const controller = new Controller(new FakeBackend(), store, TEST_INTERVALS);
    const renders = { metrics: 0, logs: 0 };
    const count = (id: string) => () => void renders[id as keyof typeof renders]++;
    const ui = render(
      <StoreProvider store={store}>
        <AppEnvContext.Provider value={appEnvOf(controller, { ascii: false, quit: () => {} })}>
          <Profiler id="metrics" onRender={count('metrics')}>
            <PaneSlot id="metrics" width={60} height={8} />
          </Profiler>
          <Profiler id="logs" onRender={count('logs')}>
            <PaneSlot id="logs" width={60} height={8} />
          </Profiler>
        </AppEnvContext.Provider>
      </StoreProvider>,
    );
    const before = { ...renders };
    store.dispatch({
      type: 'logs/batch',
      events: [{ id: 'a', timestamp: 1, stream: 's', message: 'hello from the log', level: 'INFO' }],
      at: Date.now(),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(renders.logs).toBeGreaterThan(before.logs);
    expect(renders.metrics).toBe(before.metrics);
    expect(ui.lastFrame()).toContain('hello from the log');
    // An empty poll moves only updatedAt: nothing redraws.
    const mid = { ...renders };
    store.dispatch({ type: 'logs/batch', events: [], at: Date.now() });
    await new Promise((r) => setTimeout(r, 50));
    expect(renders).toEqual(mid);
    ui.unmount();
  });
});

describe('the clock wakes only what shows a time that changed', () => {
  const MIN = 60_000;
  const T0 = 1_000_000;
  const PANES = ['deployments', 'rollout', 'alarms', 'metrics', 'cost', 'logs', 'checklist'] as const;

  function mount() {
    const store = createStore(initialState());
    const controller = new Controller(new FakeBackend(), store, TEST_INTERVALS);
    let clock = T0 + 5 * MIN + 10_000; // every age on screen reads "5m"
    const tick = new Ticker(() => clock, 5);
    const renders: Record<string, number> = Object.fromEntries(PANES.map((id) => [id, 0]));
    const env = { ...appEnvOf(controller, { ascii: false, quit: () => {} }), tick };
    const ui = render(
      <StoreProvider store={store}>
        <AppEnvContext.Provider value={env}>
          {PANES.map((id) => (
            <Profiler key={id} id={id} onRender={() => void renders[id]!++}>
              <PaneSlot id={id} width={80} height={8} />
            </Profiler>
          ))}
        </AppEnvContext.Provider>
      </StoreProvider>,
    );
    const load = (data: ServiceSnapshot) =>
      store.dispatch({ type: 'source/loaded', source: 'service', data, at: Date.now() });
    return {
      store,
      ui,
      renders,
      load,
      advance: (ms: number) => (clock += ms),
      settle: () => new Promise((r) => setTimeout(r, 60)),
      stop: () => (tick.stop(), ui.unmount()),
      tick,
    };
  }

  const cost = () => ({ currency: 'USD', days: [{ date: '2026-12-01', total: 1.5, byService: [] }], monthToDate: 1.5 });
  const svc = () =>
    service(42, [41, 42], {
      deployments: [deployment(42, { createdAt: T0, updatedAt: T0 })],
      events: [{ id: 'e1', createdAt: T0, message: '(service web) has reached a steady state.' }],
    });

  it('ages that read the same for ten ticks redraw no pane; crossing a minute redraws the panes showing it, once', async () => {
    const m = mount();
    m.load(svc());
    await m.settle();
    expect(m.ui.lastFrame()).toContain('5m ago');
    m.tick.start();
    const before = { ...m.renders };
    for (let i = 0; i < 10; i++) {
      m.advance(1000);
      await new Promise((r) => setTimeout(r, 10));
    }
    await m.settle();
    expect(m.renders).toEqual(before);
    m.advance(40_000); // 5m10s + 10s + 40s: every age now reads 6m
    await m.settle();
    expect(m.ui.lastFrame()).toContain('6m ago');
    expect(m.renders.deployments).toBe(before.deployments! + 1);
    expect(m.renders.rollout).toBe(before.rollout! + 1);
    for (const id of ['alarms', 'metrics', 'cost', 'logs', 'checklist']) expect(m.renders[id]).toBe(before[id]);
    m.stop();
  });

  it('identical reloads of every source redraw nothing; a changed service redraws the service panes', async () => {
    const m = mount();
    m.load(svc());
    m.store.dispatch({ type: 'source/loaded', source: 'metrics', data: [], at: Date.now() });
    m.store.dispatch({ type: 'source/loaded', source: 'alarms', data: [], at: Date.now() });
    m.store.dispatch({ type: 'source/loaded', source: 'cost', data: cost(), at: Date.now() });
    await m.settle();
    const before = { ...m.renders };
    const firstAt = m.store.getState().service.updatedAt!;
    m.load(svc()); // a new object, the same answer
    m.store.dispatch({ type: 'source/loaded', source: 'metrics', data: [], at: Date.now() });
    m.store.dispatch({ type: 'source/loaded', source: 'alarms', data: [], at: Date.now() });
    m.store.dispatch({ type: 'source/loaded', source: 'cost', data: cost(), at: Date.now() });
    await m.settle();
    // The fetch time moved (staleness reads it); what the panes show did not.
    expect(m.store.getState().service.updatedAt).toBeGreaterThan(firstAt);
    expect(m.renders).toEqual(before);
    m.load(service(42, [41, 42], { deployments: [deployment(42, { createdAt: T0, updatedAt: T0, running: 2 })] }));
    await m.settle();
    expect(m.renders.deployments).toBeGreaterThan(before.deployments!);
    expect(m.renders.metrics).toBe(before.metrics);
    m.stop();
  });
});
