// "New error signatures since T+0": every error line (health/errorLines.ts says which) is masked
// (mask.ts) and clustered (drain.ts); each signature counts its lines before and after the release's
// T+0, so the verdict can say which errors the release brought and which it made worse. Memory is
// bounded however long the watch: counts per signature, one capped example, at most `maxSignatures`
// of them (Drain's eviction), and no line kept. Other lines only bump a total.
import type { LogEvent } from '../../model.js';
import { num } from '../../units.js';
import { isErrorLine } from '../errorLines.js';
import { Drain, type DrainOptions } from './drain.js';
import { maskMessage } from './mask.js';

export interface SignatureRow {
  /** The Drain cluster's id: stable for as long as the signature is held. */
  id: number;
  template: string;
  /** The first line seen of it, as logged, capped at EXAMPLE_CHARS. */
  example: string;
  before: number;
  after: number;
  ratePerMinBefore: number;
  ratePerMinAfter: number;
  firstSeen: number;
  lastSeen: number;
  /** Seen after T+0 and never before it. */
  isNew: boolean;
}

export interface SignatureSummary {
  newCount: number;
  /** The rows the text cites: new ones first, then rising ones; at most 3. */
  top: SignatureRow[];
  text: string;
}

export interface LineTotals {
  lines: number;
  errors: number;
}

export interface SignatureBookOptions {
  releaseStart: number;
  maxSignatures?: number;
  drain?: Omit<DrainOptions, 'maxClusters'>;
}

export const EXAMPLE_CHARS = 500;
const MINUTE = 60_000;
const TOP = 3;
const CITED_CHARS = 60;

interface Counts {
  example: string;
  before: number;
  after: number;
  firstSeen: number;
  lastSeen: number;
}

/** A window shorter than a minute would turn a handful of lines into a dramatic rate. */
const perMinute = (count: number, ms: number): number => count / (Math.max(ms, MINUTE) / MINUTE);
const rise = (r: SignatureRow): number => r.ratePerMinAfter - r.ratePerMinBefore;
/** New first, then rising, then the rest. */
const group = (r: SignatureRow): number => (r.isNew ? 0 : rise(r) > 0 ? 1 : 2);
const within = [
  (a: SignatureRow, b: SignatureRow) => b.after - a.after,
  (a: SignatureRow, b: SignatureRow) => rise(b) - rise(a),
  (a: SignatureRow, b: SignatureRow) => b.before + b.after - (a.before + a.after),
];
const byPriority = (a: SignatureRow, b: SignatureRow): number =>
  group(a) - group(b) || within[group(a)]!(a, b) || b.lastSeen - a.lastSeen || a.id - b.id;

const cite = (r: SignatureRow): string =>
  `"${r.template.length > CITED_CHARS ? `${r.template.slice(0, CITED_CHARS - 1)}…` : r.template}"`;

export class SignatureBook {
  private releaseStart: number;
  private readonly counts = new Map<number, Counts>();
  private readonly drain: Drain;
  private readonly before: LineTotals = { lines: 0, errors: 0 };
  private readonly after: LineTotals = { lines: 0, errors: 0 };
  /** The baseline window read (addBaseline), widened by live lines from before T+0. */
  private baseFrom = Infinity;
  private baseTo = -Infinity;
  /** Live lines before T+0 mean the watch itself ran then, up to T+0 (or now, if sooner). */
  private watchedBefore = false;

  constructor({ releaseStart, maxSignatures = 500, drain }: SignatureBookOptions) {
    this.releaseStart = releaseStart;
    this.drain = new Drain({ ...drain, maxClusters: maxSignatures }, (id) => this.counts.delete(id));
  }

  /** Lines from before T+0 read once (a backfill), covering `window`: the baseline's length for rates. */
  addBaseline(events: readonly LogEvent[], window: { from: number; to: number }): void {
    this.baseFrom = Math.min(this.baseFrom, window.from);
    this.baseTo = Math.max(this.baseTo, Math.min(window.to, this.releaseStart));
    for (const e of events) this.count(e);
  }

  /** The live stream; a line stamped before T+0 counts as baseline. */
  add(events: readonly LogEvent[]): void {
    for (const e of events) {
      if (e.timestamp < this.releaseStart) {
        this.watchedBefore = true;
        this.baseFrom = Math.min(this.baseFrom, e.timestamp);
      }
      this.count(e);
    }
  }

  /**
   * A new release: what was counted so far becomes its baseline, up to the new T+0. Lines already
   * counted are not split again by the new T+0 (none is kept), which is close enough when the new
   * release starts after the old one's lines.
   */
  setReleaseStart(t: number): void {
    for (const c of this.counts.values()) [c.before, c.after] = [c.before + c.after, 0];
    this.before.lines += this.after.lines;
    this.before.errors += this.after.errors;
    [this.after.lines, this.after.errors] = [0, 0];
    this.baseFrom = Math.min(this.baseFrom, this.releaseStart, t);
    this.baseTo = t;
    this.releaseStart = t;
  }

  totals(): { before: LineTotals; after: LineTotals } {
    return { before: { ...this.before }, after: { ...this.after } };
  }

  rows(now: number): SignatureRow[] {
    const baseEnd = this.watchedBefore ? Math.max(this.baseTo, Math.min(now, this.releaseStart)) : this.baseTo;
    const beforeMs = Math.max(0, baseEnd - this.baseFrom);
    const afterMs = Math.max(0, now - this.releaseStart);
    const rows: SignatureRow[] = [];
    for (const [id, c] of this.counts) {
      rows.push({
        id,
        template: this.drain.template(id)!,
        example: c.example,
        before: c.before,
        after: c.after,
        ratePerMinBefore: c.before && perMinute(c.before, beforeMs),
        ratePerMinAfter: c.after && perMinute(c.after, afterMs),
        firstSeen: c.firstSeen,
        lastSeen: c.lastSeen,
        isNew: c.after > 0 && c.before === 0,
      });
    }
    return rows.sort(byPriority);
  }

  /** The words the verdict cites: how many signatures are new, the biggest of them, then the risers. */
  summary(now: number): SignatureSummary {
    const rows = this.rows(now);
    const newCount = rows.filter((r) => r.isNew).length;
    const top = rows.filter((r) => group(r) < 2).slice(0, TOP);
    const fresh = top.filter((r) => r.isNew).map((r) => `${cite(r)} ×${num(r.after)}`);
    const rising = top
      .filter((r) => !r.isNew)
      .map((r) => `${cite(r)} ${num(r.ratePerMinBefore)} → ${num(r.ratePerMinAfter)}/min`);
    const head = newCount
      ? `${newCount} new error signature${newCount === 1 ? '' : 's'} since T+0: ${fresh.join(', ')}`
      : 'no new error signatures since T+0';
    return { newCount, top, text: rising.length ? `${head}; rising: ${rising.join(', ')}` : head };
  }

  private count(e: LogEvent): void {
    const totals = e.timestamp < this.releaseStart ? this.before : this.after;
    totals.lines++;
    if (!isErrorLine(e)) return;
    totals.errors++;
    const template = maskMessage(e.message);
    const id = this.drain.add(template ? template.split(' ') : []);
    let c = this.counts.get(id);
    if (!c) {
      c = { example: e.message.slice(0, EXAMPLE_CHARS), before: 0, after: 0, firstSeen: e.timestamp, lastSeen: 0 };
      this.counts.set(id, c);
    }
    if (totals === this.before) c.before++;
    else c.after++;
    c.firstSeen = Math.min(c.firstSeen, e.timestamp);
    c.lastSeen = Math.max(c.lastSeen, e.timestamp);
  }
}
