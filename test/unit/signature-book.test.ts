import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/domain/model.js';
import { EXAMPLE_CHARS, SignatureBook } from '../../src/domain/health/signatures/signatureBook.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const MIN = 60_000;
let seq = 0;
const line = (timestamp: number, message: string, level: LogEvent['level'] = 'ERROR'): LogEvent => ({
  id: String(seq++),
  timestamp,
  stream: 'web/web/0a1b2c3d',
  message,
  level,
});
/** `n` lines spread evenly over [from, from + spanMs). */
const many = (n: number, from: number, spanMs: number, message: (i: number) => string): LogEvent[] =>
  Array.from({ length: n }, (_, i) => line(from + Math.floor((i * spanMs) / n), message(i)));

const TOO_MANY = 'pq: sorry, too many clients already';
const pool = (i: number) => `ERROR db pool exhausted: timed out after 3000ms (in use 20/20, waiting ${i % 60})`;
const upstream = (i: number) =>
  `ERROR checkout upstream timeout: POST https://payments.internal/v2/charges req=${(0xa0000000 + i).toString(16)}`;
const cart = (i: number) => `ERROR http GET /api/cart 500 ${3000 + i}ms req=${(0xb0000000 + i).toString(16)}`;

describe('SignatureBook', () => {
  it('clusters error lines only; every line counts in the totals', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    book.add([
      line(T0 + 1000, 'INFO  http GET /api/products 200 12ms', 'INFO'),
      line(T0 + 2000, 'WARN  db slow query 900ms', 'WARN'),
      line(T0 + 3000, 'worker exited: PANIC in handler', 'INFO'),
      line(T0 + 4000, TOO_MANY),
      line(T0 - 4000, 'DEBUG cache warm', 'DEBUG'),
    ]);
    expect(book.rows(T0 + MIN).map((r) => r.template)).toEqual([TOO_MANY, 'worker exited: PANIC in handler']);
    expect(book.totals()).toEqual({ before: { lines: 1, errors: 0 }, after: { lines: 4, errors: 2 } });
  });

  it('counts before and after T+0, with rates over the baseline window and the time since T+0', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    book.addBaseline(many(20, T0 - 10 * MIN, 10 * MIN, pool), { from: T0 - 10 * MIN, to: T0 });
    book.add(many(50, T0, 5 * MIN, pool));
    const [row] = book.rows(T0 + 5 * MIN);
    expect(row).toMatchObject({
      template: 'db pool exhausted: timed out after <dur> (in use <num>/<num>, waiting <num>)',
      before: 20,
      after: 50,
      ratePerMinBefore: 2,
      ratePerMinAfter: 10,
      isNew: false,
      firstSeen: T0 - 10 * MIN,
    });
    expect(row!.example).toBe(pool(0));
  });

  it('counts lines of the live stream stamped before T+0 as baseline, watched up to T+0', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    book.add([...many(6, T0 - 3 * MIN, MIN, cart), ...many(3, T0, MIN, cart)]);
    const [row] = book.rows(T0 + MIN);
    expect(row).toMatchObject({ before: 6, after: 3, isNew: false, ratePerMinBefore: 2, ratePerMinAfter: 3 });
  });

  it('lists new signatures first by count, then the ones rising most, then the rest', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    const baseline = [
      ...many(10, T0 - 10 * MIN, 10 * MIN, upstream),
      ...many(100, T0 - 10 * MIN, 10 * MIN, cart),
      line(T0 - MIN, 'ERROR payments card declined'),
    ];
    book.addBaseline(baseline, { from: T0 - 10 * MIN, to: T0 });
    book.add([
      ...many(2, T0, 10 * MIN, () => 'ERROR worker job failed: context deadline exceeded'),
      ...many(212, T0, 10 * MIN, () => `ERROR ${TOO_MANY}`),
      ...many(100, T0, 10 * MIN, upstream),
      ...many(120, T0, 10 * MIN, cart),
    ]);
    const rows = book.rows(T0 + 10 * MIN);
    expect(rows.map((r) => [r.template.split(' ').slice(0, 3).join(' '), r.isNew])).toEqual([
      ['pq: sorry, too', true],
      ['worker job failed:', true],
      ['checkout upstream timeout:', false],
      ['http GET /api/cart', false],
      ['payments card declined', false],
    ]);
    expect(rows[2]!.ratePerMinAfter - rows[2]!.ratePerMinBefore).toBe(9);
  });

  it('sums it up in the words the verdict cites', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    book.addBaseline(many(10, T0 - 10 * MIN, 10 * MIN, upstream), { from: T0 - 10 * MIN, to: T0 });
    expect(book.summary(T0).text).toBe('no new error signatures since T+0');
    book.add(many(212, T0, 2 * MIN, () => `ERROR ${TOO_MANY}`));
    const one = book.summary(T0 + 2 * MIN);
    expect(one.text).toBe(`1 new error signature since T+0: "${TOO_MANY}" ×212`);
    expect(one.newCount).toBe(1);
    book.add([...many(30, T0, 2 * MIN, upstream), ...many(3, T0, 2 * MIN, () => 'ERROR cache redis down')]);
    const more = book.summary(T0 + 2 * MIN);
    expect(more.text).toBe(
      `2 new error signatures since T+0: "${TOO_MANY}" ×212, "cache redis down" ×3; rising: "checkout upstream timeout: POST https://payments.internal/v…" 1 → 15/min`,
    );
    expect(more.top.map((r) => r.isNew)).toEqual([true, true, false]);
  });

  it('keeps the first line seen as the example, capped', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    const long = `ERROR boom in handler ${'x'.repeat(2000)}`;
    book.add([line(T0 + 1, long), line(T0 + 2, `ERROR boom in handler ${'y'.repeat(2000)}`)]);
    const [row] = book.rows(T0 + MIN);
    expect(row!.example).toBe(long.slice(0, EXAMPLE_CHARS));
    expect(row).toMatchObject({ after: 2, firstSeen: T0 + 1, lastSeen: T0 + 2 });
  });

  it('holds at most maxSignatures, however many distinct errors arrive', () => {
    const book = new SignatureBook({ releaseStart: T0, maxSignatures: 50 });
    const word = (n: number) => n.toString(26).replace(/\d/g, (c) => String.fromCharCode(113 + Number(c)));
    for (let b = 0; b < 100; b++)
      book.add(many(100, T0 + b * 100, 100, (i) => `ERROR ${word(b * 100 + i)} ${word(i)} gone`));
    const rows = book.rows(T0 + MIN);
    expect(rows).toHaveLength(50);
    expect(book.totals().after.errors).toBe(10_000);
  });

  it('on a new release, makes what was counted its baseline and counts afresh after the new T+0', () => {
    const book = new SignatureBook({ releaseStart: T0 });
    book.add(many(10, T0, 10 * MIN, () => `ERROR ${TOO_MANY}`));
    expect(book.rows(T0 + 10 * MIN)[0]).toMatchObject({ isNew: true, after: 10 });
    const t1 = T0 + 10 * MIN;
    book.setReleaseStart(t1);
    book.add(many(5, t1, 5 * MIN, () => `ERROR ${TOO_MANY}`));
    expect(book.rows(t1 + 5 * MIN)[0]).toMatchObject({
      isNew: false,
      before: 10,
      after: 5,
      ratePerMinBefore: 1,
      ratePerMinAfter: 1,
    });
    expect(book.totals()).toEqual({ before: { lines: 10, errors: 10 }, after: { lines: 5, errors: 5 } });
  });
});
