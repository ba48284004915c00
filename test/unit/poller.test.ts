import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, DEFAULT_MAX_BACKOFF_MS, Poller, RunDeadlineError } from '../../src/app/poller.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('poller', () => {
  it('runs at once, then an interval after the previous run started (a quarter after a slow one ended), never overlapping', async () => {
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
    // Slower than the interval, each run starts a quarter interval after the last settled. In flight: no
    // overlap, and the refresh runs once as soon as run 2 settles at 5250: starts at 0, 2750, 5250,
    // 8000, 10750, 13500.
    poller.refresh('slow');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(maxInFlight).toBe(1);
    expect(runs).toBe(6);
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

  it('a refresh during a run is kept: it runs once right after that run settles, then the interval resumes', async () => {
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const poller = new Poller({ random: () => 0.5 });
    poller.add({
      id: 'x',
      intervalMs: 1000,
      run: async () => {
        starts.push(Date.now());
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 500));
        inFlight--;
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(100);
    poller.refresh('x');
    poller.refresh('x');
    poller.refresh('x');
    expect(starts.length).toBe(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(starts.length).toBe(2); // at once when the first settles, not after its interval
    await vi.advanceTimersByTimeAsync(4400);
    // One extra run for three refreshes; then one every 1000 from the last start, as usual.
    expect(starts.map((t) => t - t0)).toEqual([0, 500, 1500, 2500, 3500, 4500]);
    expect(maxInFlight).toBe(1);
    poller.stop();
  });

  it('refresh and invalidate do nothing on a stopped poller or an unknown id', async () => {
    let runs = 0;
    const poller = new Poller();
    poller.add({
      id: 'x',
      intervalMs: 1000,
      run: async () => {
        runs++;
      },
    });
    poller.refresh('nope');
    poller.invalidate('nope');
    poller.stop();
    poller.refresh('x');
    poller.invalidate('x');
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
  });

  it('invalidate aborts the run in flight and starts a fresh one; the superseded run settling later schedules nothing', async () => {
    const starts: number[] = [];
    const signals: AbortSignal[] = [];
    const durations = [2000]; // the first run is slow and ignores its signal; later ones take 500
    const poller = new Poller({ random: () => 0.5 });
    poller.add({
      id: 'x',
      intervalMs: 1000,
      run: async (signal) => {
        starts.push(Date.now());
        signals.push(signal);
        await new Promise((r) => setTimeout(r, durations.shift() ?? 500));
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(100);
    poller.refresh('x'); // pending on the stale run; the fresh run below already covers it
    poller.invalidate('x');
    expect(signals[0]!.aborted).toBe(true);
    expect(starts.length).toBe(2); // at once
    expect(signals[1]!.aborted).toBe(false);
    // The superseded run settles at 2000, while the third run is in flight: it must not add a chain.
    await vi.advanceTimersByTimeAsync(10_000 - 100);
    expect(starts.map((t) => t - t0)).toEqual([0, 100, 1100, 2100, 3100, 4100, 5100, 6100, 7100, 8100, 9100]);
    poller.stop();
  });

  it('invalidate between runs cancels the scheduled timer and runs at once', async () => {
    const starts: number[] = [];
    const poller = new Poller();
    poller.add({
      id: 'x',
      intervalMs: 1000,
      run: async () => {
        starts.push(Date.now());
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(300);
    poller.invalidate('x');
    await vi.advanceTimersByTimeAsync(2700);
    expect(starts.map((t) => t - t0)).toEqual([0, 300, 1300, 2300]);
    poller.stop();
  });

  it('an abort caused by invalidate is not a failure: no backoff, no onError', async () => {
    const starts: number[] = [];
    const errors: unknown[] = [];
    const poller = new Poller({ random: () => 1, onError: (_id, e) => errors.push(e) });
    poller.add({
      id: 'x',
      intervalMs: 1000,
      run: (signal) => {
        starts.push(Date.now());
        if (starts.length > 1) return Promise.resolve();
        // Like the AWS SDK: an aborted request rejects.
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('Request aborted'))),
        );
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(100);
    poller.invalidate('x');
    await vi.advanceTimersByTimeAsync(3000);
    // With a counted failure the next run would wait 2000 (random 1), and a second chain would appear.
    expect(starts.map((t) => t - t0)).toEqual([0, 100, 1100, 2100, 3100]);
    expect(errors).toEqual([]);
    poller.stop();
  });

  it('backoffDelay is capped and never below the interval', () => {
    expect(backoffDelay(1000, 0, 60_000, () => 0)).toBe(1000);
    expect(backoffDelay(1000, 3, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(1000, 3, 60_000, () => 0)).toBe(4000);
    expect(backoffDelay(1000, 20, 60_000, () => 1)).toBe(60_000);
  });

  it('retries a failed hourly source at the cap, not an hour later; a healthy one keeps its interval', () => {
    const hour = 3_600_000;
    expect(backoffDelay(hour, 1, 30_000, () => 0)).toBe(30_000);
    expect(backoffDelay(hour, 5, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(hour, 0, 30_000, () => 1)).toBe(hour);
  });

  it('abandons a run that never settles: aborts it, reports it, counts a failure and polls again', async () => {
    const starts: number[] = [];
    const signals: AbortSignal[] = [];
    const errors: unknown[] = [];
    let lateSettle: (() => void) | undefined;
    const poller = new Poller({ random: () => 1, runDeadlineMs: 2000, onError: (_id, e) => errors.push(e) });
    poller.add({
      id: 'service',
      intervalMs: 1000,
      run: (signal) => {
        starts.push(Date.now());
        signals.push(signal);
        // The first run hangs and ignores its signal, as a request without a deadline would.
        if (starts.length === 1) return new Promise<void>((resolve) => (lateSettle = resolve));
        return Promise.resolve();
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(1999);
    expect(errors).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(RunDeadlineError);
    expect(errors.map((e) => (e as Error).message)).toEqual(['service did not answer in 2 s']);
    // One failure: the next run waits 2 s (random 1), then the source is healthy again.
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts.map((t) => t - t0)).toEqual([0, 4000]);
    // The abandoned run settling late must not start a second chain of runs.
    lateSettle!();
    await vi.advanceTimersByTimeAsync(3000);
    expect(starts.map((t) => t - t0)).toEqual([0, 4000, 5000, 6000, 7000]);
    poller.stop();
  });

  it('a run that settles before its deadline is not abandoned, and stop clears the deadline', async () => {
    const errors: unknown[] = [];
    const poller = new Poller({ runDeadlineMs: 1000, onError: (_id, e) => errors.push(e) });
    poller.add({ id: 'x', intervalMs: 5000, run: () => new Promise((r) => setTimeout(r, 900)) });
    await vi.advanceTimersByTimeAsync(4000);
    expect(errors).toEqual([]);
    poller.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('caps the backoff at 30 s by default, and the first success polls at the interval again', async () => {
    const starts: number[] = [];
    let failing = true;
    const poller = new Poller({ random: () => 1 });
    poller.add({
      id: 'x',
      intervalMs: 5000,
      run: async () => {
        starts.push(Date.now());
        if (failing) throw new Error('Rate exceeded');
      },
    });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.max(...gaps)).toBe(DEFAULT_MAX_BACKOFF_MS);
    expect(gaps.slice(-5)).toEqual(Array(5).fill(30_000));
    failing = false;
    const recoveredAt = starts.length;
    await vi.advanceTimersByTimeAsync(30_000 + 3 * 5000);
    // Stale at most one capped delay after AWS recovered; then every interval.
    expect(starts.slice(recoveredAt + 1).map((t, i) => t - starts[recoveredAt + i]!)).toEqual([5000, 5000, 5000]);
    poller.stop();
  });

  it('takes a smaller cap from its options', async () => {
    const starts: number[] = [];
    const poller = new Poller({ random: () => 1, maxBackoffMs: 3000 });
    poller.add({
      id: 'x',
      intervalMs: 1000,
      run: async () => {
        starts.push(Date.now());
        throw new Error('down');
      },
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(starts.map((t) => t - t0)).toEqual([0, 2000, 5000, 8000, 11_000]);
    poller.stop();
  });
});
