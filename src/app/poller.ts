/** One polled source: fetch now, then every intervalMs from the previous fetch's start, never two at once. */
export interface Source {
  id: string;
  intervalMs: number;
  /** Resolves when the result has been delivered; throws to trigger backoff. */
  run(signal: AbortSignal): Promise<void>;
}

export interface PollerOptions {
  /** Upper bound of the backoff delay: how stale a pane may stay after AWS has recovered. */
  maxBackoffMs?: number;
  /**
   * A run that has not settled by then is abandoned: its signal is aborted, it counts as a failure
   * and the next run is scheduled. The second line of defence behind each request's own deadline.
   */
  runDeadlineMs?: number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onError?: (id: string, error: unknown) => void;
}

export const DEFAULT_MAX_BACKOFF_MS = 30_000;
/** Three times the longest request deadline (a page of logs, 15 s): a run makes a few requests in a row. */
export const DEFAULT_RUN_DEADLINE_MS = 45_000;

/** A run abandoned by the poller; the source's pane should show it like any other failure. */
export class RunDeadlineError extends Error {
  constructor(
    readonly sourceId: string,
    readonly ms: number,
  ) {
    super(`${sourceId} did not answer in ${Math.round(ms / 100) / 10} s`);
    this.name = 'RunDeadlineError';
  }
}

type Outcome = { failed: false } | { failed: true; error: unknown };

/**
 * Exponential backoff with jitter over the source's own interval, capped. Never sooner than the
 * interval, except for a source polled less often than the cap (cost: hourly): a failed read of it
 * is retried at the cap, or an outage of a minute would leave its pane in error for an hour.
 */
export function backoffDelay(intervalMs: number, failures: number, maxMs: number, random: () => number): number {
  if (failures <= 0) return intervalMs;
  const ceiling = Math.min(maxMs, intervalMs * 2 ** failures);
  return Math.max(Math.min(intervalMs, maxMs), Math.round(ceiling * (0.5 + random() / 2)));
}

interface Running {
  source: Source;
  failures: number;
  /** Bumped by every run; only the newest run's settling may touch the schedule. */
  generation: number;
  /** A refresh arrived while a run was in flight. */
  refreshPending: boolean;
  timer?: unknown;
  /** The run deadline of the run in flight. */
  deadline?: unknown;
  inFlight?: AbortController;
}

/**
 * Runs sources without overlap: a source's next run is scheduled only after its current one settles,
 * so a slow backend never piles up requests. stop() aborts what is in flight and drops late results.
 */
export class Poller {
  private readonly running = new Map<string, Running>();
  private stopped = false;
  private readonly opts: Required<Omit<PollerOptions, 'onError'>> & Pick<PollerOptions, 'onError'>;

  constructor(opts: PollerOptions = {}) {
    this.opts = {
      maxBackoffMs: opts.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
      runDeadlineMs: opts.runDeadlineMs ?? DEFAULT_RUN_DEADLINE_MS,
      random: opts.random ?? Math.random,
      setTimer: opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: opts.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)),
      onError: opts.onError,
    };
  }

  add(source: Source): void {
    const r: Running = { source, failures: 0, generation: 0, refreshPending: false };
    this.running.set(source.id, r);
    void this.tick(r);
  }

  /**
   * Runs a source now (e.g. right after a rollback). If it is in flight, that run may have read the
   * old state, so it runs once more as soon as it settles rather than waiting a whole interval.
   */
  refresh(id: string): void {
    const r = this.running.get(id);
    if (!r || this.stopped) return;
    if (r.inFlight) r.refreshPending = true;
    else this.runNow(r);
  }

  /**
   * The context the source reads changed: whatever is in flight would deliver a stale result, so it
   * is aborted (the source drops it) and superseded by a fresh run.
   */
  invalidate(id: string): void {
    const r = this.running.get(id);
    if (!r || this.stopped) return;
    r.inFlight?.abort();
    r.refreshPending = false; // the fresh run already sees the new context
    this.runNow(r);
  }

  stop(): void {
    this.stopped = true;
    for (const r of this.running.values()) {
      if (r.timer !== undefined) this.opts.clearTimer(r.timer);
      if (r.deadline !== undefined) this.opts.clearTimer(r.deadline);
      r.inFlight?.abort();
    }
  }

  private runNow(r: Running): void {
    if (r.timer !== undefined) this.opts.clearTimer(r.timer);
    void this.tick(r);
  }

  private async tick(r: Running): Promise<void> {
    r.timer = undefined;
    const generation = ++r.generation;
    const ctrl = new AbortController();
    r.inFlight = ctrl;
    const startedAt = performance.now();
    const outcome = await this.settle(r, ctrl);
    // A superseded run was aborted on purpose: its outcome is neither a failure nor a reason to schedule.
    if (this.stopped || generation !== r.generation) return;
    r.inFlight = undefined;
    if (outcome.failed) {
      r.failures += 1;
      this.opts.onError?.(r.source.id, outcome.error);
    } else r.failures = 0;
    if (r.refreshPending) {
      r.refreshPending = false;
      void this.tick(r);
      return;
    }
    // A healthy source keeps its rate: the next run starts an interval after this one started (the
    // logs' 1 s is then 1 s, not 1 s plus the page's time), but always some time after it ended.
    const delay =
      r.failures === 0
        ? Math.max(r.source.intervalMs / 4, r.source.intervalMs - (performance.now() - startedAt))
        : backoffDelay(r.source.intervalMs, r.failures, this.opts.maxBackoffMs, this.opts.random);
    r.timer = this.opts.setTimer(() => void this.tick(r), delay);
  }

  /** The run's outcome, or a RunDeadlineError once the deadline passes; a later outcome is ignored. */
  private settle(r: Running, ctrl: AbortController): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const done = (o: Outcome) => {
        this.opts.clearTimer(deadline);
        if (r.deadline === deadline) r.deadline = undefined;
        resolve(o);
      };
      const deadline = this.opts.setTimer(() => {
        const error = new RunDeadlineError(r.source.id, this.opts.runDeadlineMs);
        ctrl.abort(error);
        done({ failed: true, error });
      }, this.opts.runDeadlineMs);
      r.deadline = deadline;
      let run: Promise<void>;
      try {
        run = r.source.run(ctrl.signal);
      } catch (e) {
        run = Promise.reject(e);
      }
      run.then(
        () => done({ failed: false }),
        (error: unknown) => done({ failed: true, error }),
      );
    });
  }
}
