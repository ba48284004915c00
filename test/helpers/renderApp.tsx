import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { AppEnvContext, appEnvOf } from '../../src/ui/AppEnv.js';
import { InputProvider } from '../../src/ui/input.js';
import { StoreProvider } from '../../src/ui/StoreContext.js';
import type { Backend, PollIntervals } from '../../src/domain/backend.js';
import { Controller, type ControllerHooks } from '../../src/app/controller.js';
import type { ChecklistStepDef } from '../../src/domain/model.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { KEYMAP } from '../../src/ui/keymap.js';

export const TEST_INTERVALS: PollIntervals = {
  service: 1000,
  alarms: 1000,
  metrics: 1000,
  cost: 60_000,
  logs: 250,
  tasks: 1000,
  targets: 1000,
};

/** Renders the whole app at a given terminal size, polling `backend`. */
export function renderApp(
  backend: Backend,
  opts: {
    cols?: number;
    rows?: number;
    readOnly?: boolean;
    checklist?: ChecklistStepDef[];
    hooks?: ControllerHooks;
  } = {},
) {
  const store = createStore(initialState({ readOnly: opts.readOnly, checklist: opts.checklist }));
  const controller = new Controller(backend, store, TEST_INTERVALS, opts.hooks);
  let quitCalls = 0;
  const ui = render(
    <StoreProvider store={store}>
      <AppEnvContext.Provider value={appEnvOf(controller, { ascii: false, quit: () => quitCalls++ })}>
        <InputProvider>
          <App />
        </InputProvider>
      </AppEnvContext.Provider>
    </StoreProvider>,
  );
  const resize = (cols: number, rows: number) => {
    Object.defineProperty(ui.stdout, 'columns', { value: cols, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
    ui.stdout.emit('resize');
  };
  resize(opts.cols ?? 120, opts.rows ?? 36);
  controller.start();
  return {
    ...ui,
    store,
    controller,
    resize,
    quitCalls: () => quitCalls,
    /** Presses the first key bound to an action id, looked up in the keymap rather than typed literally. */
    press(actionId: string) {
      const key = KEYMAP.find((a) => a.id === actionId)?.keys[0];
      if (!key) throw new Error(`no key for ${actionId}`);
      const raw: Record<string, string> = {
        space: ' ',
        'ctrl+c': '\u0003',
        tab: '\t',
        'shift+tab': '\u001b[Z',
        return: '\r',
        escape: '\u001b',
        up: '\u001b[A',
        down: '\u001b[B',
        pageup: '\u001b[5~',
        pagedown: '\u001b[6~',
        home: '\u001b[H',
        end: '\u001b[F',
      };
      ui.stdin.write(raw[key] ?? key);
    },
    stop() {
      controller.stop();
      ui.unmount();
    },
  };
}

/** Waits until the last frame satisfies `check` (the app renders asynchronously). */
export async function waitForFrame(
  get: () => string | undefined,
  check: (f: string) => boolean,
  ms = 3000,
): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const f = get() ?? '';
    if (check(f)) return f;
    if (Date.now() > until) throw new Error(`frame never matched; last frame:\n${f}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
