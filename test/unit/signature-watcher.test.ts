// The error signatures beside the store: the baseline read once per T+0, the live stream counted,
// rows published only when they changed, a failed baseline said and tried again later.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { SignatureWatcher } from '../../src/app/signatureWatcher.js';
import { createStore } from '../../src/app/store.js';
import type { LogEvent } from '../../src/domain/model.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { service } from '../helpers/service.js';

// The release the store identifies from the service fixture: its deployment's creation is T+0.
const T0 = 1_000_042;
const line = (t: number, message: string): LogEvent => ({
  id: `${t}`,
  timestamp: t,
  stream: 's',
  message,
  level: 'ERROR',
});

function setup(pastLogs: LogEvent[], retryMs = 60_000) {
  const backend = new FakeBackend({ pastLogs });
  const windows: { from: number; to: number }[] = [];
  const read = backend.getLogWindow.bind(backend);
  backend.getLogWindow = async (q) => {
    windows.push({ from: q.from, to: q.to });
    return read(q);
  };
  const store = createStore(initialState());
  store.dispatch({ type: 'source/loaded', source: 'service', data: service(42, [41, 42]), at: 1 });
  expect(store.getState().release?.t0).toBe(T0);
  const watcher = new SignatureWatcher(backend, store, { baselineMs: 10 * 60_000, retryMs });
  const run = () => watcher.source().run(new AbortController().signal);
  return { backend, store, watcher, windows, run };
}

describe('signature watcher', () => {
  it('reads the baseline once, and a signature seen before T+0 is not new', async () => {
    const { store, watcher, windows, run } = setup([line(T0 - 60_000, 'pq: sorry, too many clients already')]);
    watcher.onLogs([
      line(T0 + 1000, 'pq: sorry, too many clients already'),
      line(T0 + 2000, 'dial tcp 10.0.0.1:5432: i/o timeout'),
    ]);
    await run();
    await run();
    expect(windows).toEqual([{ from: T0 - 10 * 60_000, to: T0 }]);
    const s = store.getState().signatures;
    expect(s.baseline).toMatchObject({ status: 'loaded', events: 1, truncated: false });
    expect(s.summary?.newCount).toBe(1);
    expect(s.rows[0]).toMatchObject({ isNew: true, after: 1 });
    expect(s.rows.find((r) => !r.isNew)).toMatchObject({ before: 1, after: 1 });
  });

  it('publishes only when something changed', async () => {
    const { store, watcher, run } = setup([]);
    await run();
    const first = store.getState().signatures;
    await run();
    expect(store.getState().signatures).toBe(first);
    watcher.onLogs([line(T0 + 5000, 'panic: runtime error: index out of range')]);
    await run();
    expect(store.getState().signatures.rows).toHaveLength(1);
  });

  it('says a failed baseline read and tries again only after the retry interval', async () => {
    const { backend, store, windows, run } = setup([], 0);
    backend.getLogWindow = async (q) => {
      windows.push({ from: q.from, to: q.to });
      throw new Error('logs:FilterLogEvents denied');
    };
    await run();
    expect(store.getState().signatures.baseline).toMatchObject({
      status: 'failed',
      error: 'logs:FilterLogEvents denied',
    });
    await run();
    expect(windows).toHaveLength(2);
    const slow = setup([], 60_000);
    slow.backend.getLogWindow = async (q) => {
      slow.windows.push(q);
      throw new Error('no');
    };
    await slow.run();
    await slow.run();
    expect(slow.windows).toHaveLength(1);
  });

  it('starts again for a new release: its own baseline, its own counts', async () => {
    const { store, watcher, windows, run } = setup([]);
    watcher.onLogs([line(T0 + 1000, 'panic: boom')]);
    await run();
    expect(store.getState().signatures.rows).toHaveLength(1);
    store.dispatch({ type: 'source/loaded', source: 'service', data: service(43, [42, 43]), at: 2 });
    const t1 = store.getState().release!.t0;
    expect(t1).not.toBe(T0);
    await run();
    expect(windows.at(-1)).toEqual({ from: t1 - 10 * 60_000, to: t1 });
    expect(store.getState().signatures.rows).toEqual([]);
  });
});
