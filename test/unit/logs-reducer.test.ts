import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/domain/model.js';
import { appendBatch, initialLogs, initialLogView, logViewReducer } from '../../src/app/reducers/logsReducer.js';
import { visibleLogLines } from '../../src/app/logView.js';

const ev = (i: number, message = `line ${i}`, level: LogEvent['level'] = 'INFO'): LogEvent => ({
  id: `e${i}`,
  timestamp: i,
  stream: 'web/abc',
  message,
  level,
});
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => ev(a + k));

describe('log ring buffer', () => {
  it('keeps at most capacity lines, newest last, and counts every line received', () => {
    let s = initialLogs(100);
    for (let i = 0; i < 10; i++) s = appendBatch(s, range(i * 30, i * 30 + 30), i);
    expect(s.lines).toHaveLength(100);
    expect(s.lines[0]!.id).toBe('e200');
    expect(s.lines.at(-1)!.id).toBe('e299');
    expect(s.received).toBe(300);
    expect(s.ids.size).toBe(100);
  });

  it('drops events already in the buffer (overlapping pages at a boundary timestamp)', () => {
    let s = appendBatch(initialLogs(50), range(0, 10), 1);
    s = appendBatch(s, range(5, 15), 2);
    expect(s.lines.map((e) => e.id)).toEqual(range(0, 15).map((e) => e.id));
    expect(s.received).toBe(15);
  });

  it('returns the same lines array when a batch holds nothing new', () => {
    const s = appendBatch(initialLogs(50), range(0, 10), 1);
    expect(appendBatch(s, range(0, 10), 2).lines).toBe(s.lines);
  });
});

describe('log view', () => {
  it('pause freezes the visible lines while new ones keep arriving', () => {
    let logs = appendBatch(initialLogs(1000), range(0, 10), 1);
    const view = logViewReducer(initialLogView, { type: 'logs/togglePause' }, logs.received);
    logs = appendBatch(logs, range(10, 20), 2);
    expect(
      visibleLogLines(logs, view)
        .map((e) => e.id)
        .at(-1),
    ).toBe('e9');
    const resumed = logViewReducer(view, { type: 'logs/togglePause' }, logs.received);
    expect(resumed.paused).toBe(false);
    expect(visibleLogLines(logs, resumed).at(-1)!.id).toBe('e19');
  });

  it('scrolling back anchors the view; scrolling to the end follows again', () => {
    const back = logViewReducer(initialLogView, { type: 'logs/scroll', delta: -3 }, 50);
    expect(back).toMatchObject({ scrollBack: 3, pausedAt: 50 });
    const end = logViewReducer(back, { type: 'logs/scroll', delta: 5 }, 60);
    expect(end).toMatchObject({ scrollBack: 0, pausedAt: undefined });
  });

  it('errors-only and the text or /regex/ filter combine', () => {
    const logs = appendBatch(
      initialLogs(100),
      [
        ev(1, 'GET /health 200'),
        ev(2, 'upstream timeout', 'ERROR'),
        ev(3, 'PANIC: nil map'),
        ev(4, 'slow TIMEOUT', 'WARN'),
      ],
      1,
    );
    const errors = { ...initialLogView, errorsOnly: true };
    expect(visibleLogLines(logs, errors).map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(visibleLogLines(logs, { ...initialLogView, filter: 'timeout' }).map((e) => e.id)).toEqual(['e2', 'e4']);
    expect(visibleLogLines(logs, { ...initialLogView, filter: '/^(GET|PANIC)/' }).map((e) => e.id)).toEqual([
      'e1',
      'e3',
    ]);
    expect(visibleLogLines(logs, { ...errors, filter: 'timeout' }).map((e) => e.id)).toEqual(['e2']);
  });
});
