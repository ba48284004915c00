// A fixed-size ring of rendered log events addressed by sequence number, and the one follower's place in it;
// with the history before the simulation, the log group a past stretch is read from.
import type { LogWindow, LogWindowQuery } from '../../domain/backend.js';
import { isErrorLine } from '../../domain/health/errorLines.js';
import type { LogEvent } from '../../domain/model.js';
import { batchSize, type LogBatch, renderBatch } from './logGenerator.js';
import type { LogHistory } from './logHistory.js';

const FOLLOW_START = 50;

export class LogBacklog {
  private readonly ring: (LogEvent | undefined)[];
  /** Sequence number of the next event to be written. */
  next = 0;

  constructor(
    readonly capacity: number,
    private readonly seed: number,
    private readonly history?: LogHistory,
  ) {
    this.ring = new Array<LogEvent | undefined>(capacity);
  }

  get oldest(): number {
    return Math.max(0, this.next - this.capacity);
  }

  /** Renders only the lines that will still be in the ring afterwards: a long idle gap costs no strings. */
  ingest(batches: LogBatch[]): void {
    let skip = Math.max(0, batches.reduce((s, b) => s + batchSize(b), 0) - this.capacity);
    for (const batch of batches) {
      const size = batchSize(batch);
      if (skip >= size) {
        skip -= size;
      } else {
        for (const e of renderBatch(this.seed, this.next, batch, skip)) this.ring[Number(e.id) % this.capacity] = e;
        skip = 0;
      }
      this.next += size;
    }
  }

  /** Sequence number the follower reads next; undefined until the follow starts. */
  private followAt?: number;

  /** The first read starts the follow ~50 lines back; each later one returns what is new, and a
   *  follower that fell out of the ring resumes at the oldest line kept. */
  readNew(): LogEvent[] {
    const from =
      this.followAt === undefined
        ? Math.max(this.oldest, this.next - FOLLOW_START)
        : Math.max(this.followAt, this.oldest);
    const events: LogEvent[] = [];
    for (let seq = from; seq < this.next; seq++) events.push(this.ring[seq % this.capacity]!);
    this.followAt = this.next;
    return events;
  }

  /**
   * A past stretch, from <= timestamp < to, oldest first: the history, then what the ring still keeps
   * (a line it dropped is gone, as one past a log group's retention is). No requests: nothing is sent.
   */
  window(q: Omit<LogWindowQuery, 'logGroup'>): LogWindow {
    const events: LogEvent[] = [];
    let truncated = false;
    for (const e of this.between(q.from, q.to)) {
      if (q.errorsOnly && !isErrorLine(e)) continue;
      if (events.length >= q.maxEvents) {
        truncated = true;
        break;
      }
      events.push(e);
    }
    return { events, truncated, requests: 0 };
  }

  private *between(from: number, to: number): Generator<LogEvent> {
    if (this.history) yield* this.history.events(from, to);
    for (let seq = this.oldest; seq < this.next; seq++) {
      const e = this.ring[seq % this.capacity]!;
      if (e.timestamp >= to) return;
      if (e.timestamp >= from) yield e;
    }
  }
}
