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
