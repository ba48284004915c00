import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { LogsPane, shortStream, visibleWindow } from '../../../src/ui/panes/LogsPane.js';
import type { LogEvent } from '../../../src/domain/model.js';
import type { LogView } from '../../../src/app/state.js';
import type { LogFollow } from '../../../src/domain/backend.js';
import { expectFits, logEvent, rowsOf, view } from './fixtures.js';

const frame = (
  lines: LogEvent[],
  v: LogView = view(),
  width = 60,
  height = 5,
  totalReceived = lines.length,
  error?: string,
  follow?: LogFollow,
) =>
  render(
    <LogsPane
      lines={lines}
      width={width}
      height={height}
      view={v}
      totalReceived={totalReceived}
      error={error}
      follow={follow}
      pollMs={1000}
    />,
  ).lastFrame();

const many = Array.from({ length: 10_000 }, (_, i) => logEvent(i));

describe('LogsPane', () => {
  test('status row then only the newest height-1 lines of a 10,000-line buffer', () => {
    const f = frame(many, view(), 60, 5, 12_345);
    expect(rowsOf(f)).toEqual([
      'following · 10,000 lines',
      '14:46:36 0f3c1a2b INFO  line 9996',
      '14:46:37 0f3c1a2b INFO  line 9997',
      '14:46:38 0f3c1a2b INFO  line 9998',
      '14:46:39 0f3c1a2b INFO  line 9999',
    ]);
  });

  test('scrollBack moves the window back, clamped at the oldest line', () => {
    expect(rowsOf(frame(many, view({ scrollBack: 100 }), 60, 3))).toEqual([
      'scrolled back 100 · 10,000 lines',
      '14:44:58 0f3c1a2b INFO  line 9898',
      '14:44:59 0f3c1a2b INFO  line 9899',
    ]);
    expect(rowsOf(frame(many, view({ scrollBack: 1e9 }), 60, 3)).slice(1)).toEqual([
      '12:00:00 0f3c1a2b INFO  line 0',
      '12:00:01 0f3c1a2b INFO  line 1',
    ]);
  });

  test('paused: says how to follow and how many arrived since', () => {
    const v = view({ paused: true, pausedAt: 9_990, scrollBack: 2, filter: '/timeout/', errorsOnly: true });
    expect(rowsOf(frame(many, v, 100, 2))[0]).toBe(
      'PAUSED (p to follow) back 2 · 10 new · filter: /timeout/ · errors only · 10,000 lines',
    );
  });

  test('long messages are cut to the width, never wrapped', () => {
    const lines = [
      logEvent(1, { message: 'x'.repeat(5_000) }),
      logEvent(2, { level: 'ERROR', message: 'PANIC: boom' }),
    ];
    const f = frame(lines, view(), 40, 4);
    expect(rowsOf(f)).toEqual([
      'following · 2 lines',
      `12:00:01 0f3c1a2b INFO  ${'x'.repeat(15)}…`,
      '12:00:02 0f3c1a2b ERROR PANIC: boom',
      '',
    ]);
    expectFits(f, 40, 4);
  });

  test('errors are shown on the status row; empty buffer and no match say so', () => {
    expect(rowsOf(frame([], view(), 60, 2, 0, 'Rate exceeded'))).toEqual([
      'following · 0 lines · error: Rate exceeded',
      'no log lines yet',
    ]);
    expect(rowsOf(frame([], view({ filter: 'nope' }), 60, 2, 50))[1]).toBe('no lines match');
  });

  test('the status row says how the stream is followed, and why when it fell back', () => {
    const status = (follow?: LogFollow) => rowsOf(frame([], view(), 80, 2, 0, undefined, follow))[0];
    expect(status({ mode: 'live-tail' })).toBe('following · live tail · 0 lines');
    expect(status({ mode: 'polling' })).toBe('following · polling 1 s · 0 lines');
    expect(status({ mode: 'polling', note: 'Live Tail went silent' })).toBe(
      'following · polling 1 s (Live Tail went silent) · 0 lines',
    );
    // The demo's stream is simulated, and the header already says demo.
    expect(status({ mode: 'simulated' })).toBe('following · 0 lines');
  });

  test('the cursor is the line scrollBack above the newest: it moves inside the window first, then the window follows', () => {
    const pane = (scrollBack: number) => (
      <LogsPane
        lines={many}
        width={60}
        height={4}
        view={view({ scrollBack })}
        totalReceived={10_000}
        pollMs={1000}
        mark={{ focused: true, ascii: true }}
      />
    );
    const r = render(pane(0));
    expect(rowsOf(r.lastFrame())).toEqual([
      ' following · 10,000 lines',
      ' 14:46:37 0f3c1a2b INFO  line 9997',
      ' 14:46:38 0f3c1a2b INFO  line 9998',
      '>14:46:39 0f3c1a2b INFO  line 9999',
    ]);
    r.rerender(pane(2));
    expect(rowsOf(r.lastFrame()).slice(1)).toEqual([
      '>14:46:37 0f3c1a2b INFO  line 9997',
      ' 14:46:38 0f3c1a2b INFO  line 9998',
      ' 14:46:39 0f3c1a2b INFO  line 9999',
    ]);
    r.rerender(pane(3));
    expect(rowsOf(r.lastFrame())).toEqual([
      ' scrolled back 3 · 10,000 lines',
      '>14:46:36 0f3c1a2b INFO  line 9996',
      ' 14:46:37 0f3c1a2b INFO  line 9997',
      ' 14:46:38 0f3c1a2b INFO  line 9998',
    ]);
    r.rerender(pane(2));
    expect(rowsOf(r.lastFrame())[2]).toBe('>14:46:37 0f3c1a2b INFO  line 9997');
  });

  test('visibleWindow and shortStream', () => {
    expect(visibleWindow(10, 4, 0)).toEqual({ from: 6, to: 10, back: 0 });
    expect(visibleWindow(10, 4, 3)).toEqual({ from: 3, to: 7, back: 3 });
    expect(visibleWindow(10, 4, 99)).toEqual({ from: 0, to: 4, back: 6 });
    expect(visibleWindow(2, 4, 5)).toEqual({ from: 0, to: 2, back: 0 });
    expect(shortStream('ecs/web/0f3c1a2b9d8e')).toBe('0f3c1a2b');
    expect(shortStream('plain')).toBe('plain');
  });

  test('rendering touches only the visible rows, whatever the buffer holds', () => {
    // Count reads of `message`: formatting the whole buffer would read it 10,000 times.
    let reads = 0;
    const counted = many.map((e) => {
      const { message, ...rest } = e;
      return Object.defineProperty({ ...rest }, 'message', {
        get: () => (reads++, message),
        enumerable: true,
      }) as typeof e;
    });
    const r = render(
      <LogsPane lines={counted} width={80} height={20} view={view()} totalReceived={10_000} pollMs={1000} />,
    );
    r.rerender(
      <LogsPane
        lines={counted}
        width={80}
        height={20}
        view={view({ scrollBack: 500 })}
        totalReceived={10_000}
        pollMs={1000}
      />,
    );
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(2 * 19 * 4);
    expect(rowsOf(r.lastFrame())).toHaveLength(20);
  });
});
