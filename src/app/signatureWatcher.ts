// New error signatures since T+0: the log stream feeds a SignatureBook (domain/health/signatures),
// which is bounded however long the watch; once per T+0 the stretch before it is read, so a
// signature is only "new" if the release brought it. The book lives here, outside the store: the
// store gets its rows, published at most every PUBLISH_MS, so a flood costs one update a second.
import type { Backend } from '../domain/backend.js';
import { errorMessage } from '../domain/errors.js';
import type { LogEvent } from '../domain/model.js';
import { SignatureBook } from '../domain/health/signatures/signatureBook.js';
import type { Source } from './poller.js';
import { releaseStart, servingLogGroup } from './selectors.js';
import type { Store } from './store.js';

export interface SignatureWatcherOptions {
  /** How far before T+0 the baseline reaches (backend clock). */
  baselineMs?: number;
  /** The baseline read stops here and says it was cut. */
  maxEvents?: number;
  /** After a failed baseline read, wait this long (wall clock) before the next try. */
  retryMs?: number;
  publishMs?: number;
}

export const SIGNATURE_DEFAULTS = { baselineMs: 60 * 60_000, maxEvents: 5000, retryMs: 60_000, publishMs: 1000 };
/** Rows kept in the store: the pane shows a screenful, the detail view one; the rest stays in the book. */
export const PUBLISHED_ROWS = 50;

export class SignatureWatcher {
  private readonly o: Required<SignatureWatcherOptions>;
  private book?: SignatureBook;
  private t0?: number;
  private dirty = false;
  private baselineFor?: number;
  private retryAt = 0;

  constructor(
    private readonly backend: Backend,
    private readonly store: Store,
    opts: SignatureWatcherOptions = {},
  ) {
    this.o = { ...SIGNATURE_DEFAULTS, ...opts };
  }

  /** Every batch the logs source receives, before the store trims its buffer. */
  onLogs(events: readonly LogEvent[]): void {
    if (!events.length) return;
    this.bookForRelease()?.add(events);
    this.dirty = true;
  }

  /** A poller source: reads the baseline when due, publishes the rows when they changed. */
  source(): Source {
    return { id: 'signatures', intervalMs: this.o.publishMs, run: (signal) => this.run(signal) };
  }

  private bookForRelease(): SignatureBook | undefined {
    const t0 = releaseStart(this.store.getState());
    if (t0 === undefined) return undefined;
    if (!this.book || t0 !== this.t0) {
      // A new release: counts start again (a signature new for the last one is old news for this one).
      this.book = new SignatureBook({ releaseStart: t0 });
      this.t0 = t0;
      this.baselineFor = undefined;
      this.retryAt = 0;
      this.dirty = true;
    }
    return this.book;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const book = this.bookForRelease();
    if (!book || this.t0 === undefined) return;
    if (this.baselineFor !== this.t0 && Date.now() >= this.retryAt && this.store.getState().service.data)
      await this.readBaseline(book, this.t0, signal);
    if (!this.dirty || signal.aborted || book !== this.book) return;
    this.dirty = false;
    const now = this.backend.now();
    this.store.dispatch({
      type: 'signatures/updated',
      rows: book.rows(now).slice(0, PUBLISHED_ROWS),
      summary: book.summary(now),
    });
  }

  private async readBaseline(book: SignatureBook, t0: number, signal: AbortSignal): Promise<void> {
    const from = t0 - this.o.baselineMs;
    this.store.dispatch({ type: 'signatures/baseline', baseline: { status: 'loading', from, to: t0 } });
    try {
      const window = await this.backend.getLogWindow(
        {
          logGroup: servingLogGroup(this.store.getState()),
          from,
          to: t0,
          errorsOnly: true,
          maxEvents: this.o.maxEvents,
        },
        signal,
      );
      if (signal.aborted || book !== this.book) return;
      book.addBaseline(window.events, { from, to: t0 });
      this.baselineFor = t0;
      this.dirty = true;
      this.store.dispatch({
        type: 'signatures/baseline',
        baseline: { status: 'loaded', events: window.events.length, truncated: window.truncated, from, to: t0 },
      });
    } catch (e) {
      if (signal.aborted) return;
      this.retryAt = Date.now() + this.o.retryMs;
      this.store.dispatch({
        type: 'signatures/baseline',
        baseline: { status: 'failed', error: errorMessage(e), from, to: t0 },
      });
    }
  }
}
