// The log group before the simulation began: the tasks serving at T+0 (the previous release) on a
// quiet day, one batch a second, each a pure function of the seed and the second (as the metrics'
// historicSample is of the minute), rendered only when a past stretch is asked for.
import type { LogEvent } from '../../domain/model.js';
import { type LogBatch, type LogSource, renderBatch } from './logGenerator.js';
import { backgroundErrorLine } from './logSpecials.js';
import { pick, rngAt } from './random.js';

const SECOND = 1000;
/**
 * How far back the history reaches: three watch windows. A baseline asks for at most one window before
 * T+0, and rendering is synchronous: a day of it read errors-only held the event loop for ~0.4 s.
 */
export const HISTORY_MS = 6 * 3_600_000;
/** Each second's lines take a block of sequence numbers below zero: never a live line's id. */
const SEQ_BLOCK = 64;
/** About one error every eight minutes: the baseline's known signatures. */
const BACKGROUND_ERRORS_PER_SECOND = 1 / 480;

export class LogHistory {
  constructor(
    private readonly seed: number,
    /** When the simulation began: the history is what came before. */
    readonly until: number,
    private readonly sources: LogSource[],
  ) {}

  /** The batch of the second ending `k` seconds before `until` (covering (t - 1 s, t]). */
  private batch(k: number): LogBatch {
    const t = this.until - k * SECOND;
    const rng = rngAt(this.seed, 0x4157, t);
    const regular = Math.floor(this.sources.length * 1.2 + rng());
    const specials =
      rng() < BACKGROUND_ERRORS_PER_SECOND ? [backgroundErrorLine(pick(rng, this.sources).taskId, rng)] : [];
    return { t, specials, regular, flood: 0, sources: this.sources };
  }

  /** Events with from <= timestamp < to (all before `until`), oldest first, one second at a time. */
  *events(from: number, to: number): Generator<LogEvent> {
    if (this.sources.length === 0) return;
    const start = Math.max(from, this.until - HISTORY_MS);
    for (let k = Math.ceil((this.until - start) / SECOND); k >= 0; k--) {
      const batch = this.batch(k);
      if (batch.t - SECOND >= to) return;
      for (const e of renderBatch(this.seed, -(k + 1) * SEQ_BLOCK, batch, 0))
        if (e.timestamp >= start && e.timestamp < to) yield e;
    }
  }
}
