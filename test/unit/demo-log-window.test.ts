// The demo's past stretch of logs (getLogWindow): the previous release's quiet history before T+0,
// then what the ring keeps, bounded by maxEvents.
import { describe, expect, it } from 'vitest';
import type { LogWindowQuery } from '../../src/domain/backend.js';
import { isErrorLine } from '../../src/domain/health/errorLines.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const signal = new AbortController().signal;

async function demo() {
  const d = await demoOnClock({ seed: 7 });
  /** The window relative to T+0: `from`/`to` are offsets from the release. */
  const read = (q: Partial<LogWindowQuery> = {}) =>
    d.backend.getLogWindow(
      {
        errorsOnly: false,
        maxEvents: 50_000,
        ...q,
        from: d.release + (q.from ?? -30 * MIN),
        to: d.release + (q.to ?? 0),
      },
      signal,
    );
  return Object.assign(d, { read });
}

describe('demo log window', () => {
  it('before T+0: the previous release’s three tasks, ~3.6 lines a second, oldest first, inside [from, to)', async () => {
    const d = await demo();
    const window = await d.read();
    const { events } = window;
    expect(window).toMatchObject({ truncated: false, requests: 0 });
    expect(events.length).toBeGreaterThan(30 * 60 * 3);
    expect(events.length).toBeLessThan(30 * 60 * 5);
    expect(events[0]!.timestamp).toBeGreaterThanOrEqual(d.release - 30 * MIN);
    expect(events[0]!.timestamp).toBeLessThan(d.release - 30 * MIN + 2000);
    expect(events.at(-1)!.timestamp).toBeLessThan(d.release);
    expect(events.at(-1)!.timestamp).toBeGreaterThan(d.release - 2000);
    const ts = events.map((e) => e.timestamp);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.stream)).size).toBe(3);
    for (const e of events) expect(e.stream).toMatch(/^web\/web\/[0-9a-f]{32}$/);
    expect(events.some((e) => /^INFO {2}http GET \/\S+ \d{3} \d+ms/.test(e.message))).toBe(true);
  });

  it('its streams are those of the tasks still serving at T+0', async () => {
    const d = await demo();
    const before = new Set((await d.read()).events.map((e) => e.stream));
    const live = await d.backend.getLogs({}, signal);
    expect(live.events.filter((e) => e.stream.startsWith('web/web/')).every((e) => before.has(e.stream))).toBe(true);
    expect(live.events.some((e) => before.has(e.stream))).toBe(true);
  });

  it('errors only: a few known background errors over two hours, none of what the bad release breaks', async () => {
    const d = await demo();
    const window = await d.read({ from: -2 * HOUR, errorsOnly: true, maxEvents: 1000 });
    expect(window.truncated).toBe(false);
    expect(window.events.length).toBeGreaterThan(3);
    expect(window.events.length).toBeLessThan(40);
    expect(window.events.every(isErrorLine)).toBe(true);
    expect(window.events.some((e) => /pool exhausted|checkout|too many clients/.test(e.message))).toBe(false);
  });

  it('stops at maxEvents with the oldest lines and says it was cut; exactly maxEvents is not cut', async () => {
    const d = await demo();
    const all = await d.read();
    const cut = await d.read({ maxEvents: 100 });
    expect(cut.truncated).toBe(true);
    expect(cut.events).toEqual(all.events.slice(0, 100));
    expect((await d.read({ maxEvents: all.events.length })).truncated).toBe(false);
  });

  it('is the same history for the same seed, whenever it is asked', async () => {
    const a = await demo();
    const b = await demo();
    b.at(20 * MIN);
    expect((await b.read()).events).toEqual((await a.read()).events);
  });

  it('a stretch across T+0 joins the history to the lines the world wrote, without a gap or a repeat', async () => {
    const d = await demo();
    d.at(2 * MIN);
    const w = await d.read({ from: -MIN, to: MIN });
    const before = w.events.filter((e) => e.timestamp < d.release);
    const after = w.events.filter((e) => e.timestamp >= d.release);
    expect(before.length).toBeGreaterThan(150);
    expect(after.length).toBeGreaterThan(150);
    expect(before.every((e) => Number(e.id) < 0)).toBe(true);
    const seqs = after.map((e) => Number(e.id));
    expect(seqs[0]).toBe(0);
    expect(seqs.slice(1).every((s, i) => s === seqs[i]! + 1)).toBe(true);
    expect(after.at(-1)!.timestamp).toBeLessThan(d.release + MIN);
    const ts = w.events.map((e) => e.timestamp);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });

  it('reaches back six hours at most', async () => {
    const d = await demo();
    const w = await d.read({ from: -72 * HOUR, to: -5 * HOUR });
    expect(w.events.length).toBeGreaterThan(0);
    expect(w.events[0]!.timestamp).toBeGreaterThanOrEqual(d.release - 6 * HOUR);
    expect(w.events[0]!.timestamp).toBeLessThan(d.release - 6 * HOUR + 2000);
  });
});
