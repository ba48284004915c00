import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, Poller } from '../../src/app/poller.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('poller', () => {
  it('runs at once, then every interval after the previous run settles, never overlapping', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let runs = 0;
    const poller = new Poller({ random: () => 0.5 });
    poller.add({
      id: 'slow',
      intervalMs: 1000,
      run: async () => {
        runs++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 2500)); // slower than the interval
        inFlight--;
      },
    });
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2500 + 1000);
    expect(runs).toBe(2);
    poller.refresh('slow'); // in flight: ignored
    await vi.advanceTimersByTimeAsync(10_000);
    expect(maxInFlight).toBe(1);
    expect(runs).toBe(4);
    poller.stop();
  });

  it('backs off exponentially on errors for that source only, and recovers', async () => {
    const times: Record<string, number[]> = { bad: [], good: [] };
    let failing = true;
    const poller = new Poller({ random: () => 1 });
    poller.add({
      id: 'bad',
      intervalMs: 1000,
      run: async () => {
        times.bad!.push(Date.now());
        if (failing) throw new Error('Rate exceeded');
      },
    });
    poller.add({
      id: 'good',
      intervalMs: 1000,
      run: async () => {
        times.good!.push(Date.now());
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(15_000);
    // bad: 0, +2s, +4s, +8s → at 0, 2000, 6000, 14000
    expect(times.bad!.map((t) => t - t0)).toEqual([0, 2000, 6000, 14000]);
    expect(times.good!.length).toBe(16);
    failing = false;
    await vi.advanceTimersByTimeAsync(16_000 + 1000 + 1000);
    const last = times.bad!.slice(-2);
    expect(last[1]! - last[0]!).toBe(1000);
    poller.stop();
  });

  it('stop aborts the request in flight and schedules nothing more', async () => {
    let aborted = false;
    let runs = 0;
    const poller = new Poller();
    poller.add({
      id: 'x',
      intervalMs: 100,
      run: (signal) =>
        new Promise((resolve) => {
          runs++;
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
    });
    poller.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(aborted).toBe(true);
    expect(runs).toBe(1);
  });

  it('backoffDelay is capped and never below the interval', () => {
    expect(backoffDelay(1000, 0, 60_000, () => 0)).toBe(1000);
    expect(backoffDelay(1000, 3, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(1000, 3, 60_000, () => 0)).toBe(4000);
    expect(backoffDelay(1000, 20, 60_000, () => 1)).toBe(60_000);
  });
});
