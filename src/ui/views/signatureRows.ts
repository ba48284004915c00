// The Error signatures view's rows: what the baseline read found, then every signature new-first
// (the order the watcher keeps: new, then rising), with its counts either side of T+0.
import type { SignatureRow } from '../../domain/health/signatures/signatureBook.js';
import { num } from '../../domain/units.js';
import type { SignaturesState } from '../../app/state.js';
import { age, int, utcTime } from '../format.js';
import { note, type ViewRow } from './viewRow.js';

/** `baseline: 4,210 events from 13:02 UTC`, or why there is none (yet). */
export function baselineLine(b: SignaturesState['baseline']): ViewRow {
  switch (b.status) {
    case 'waiting':
      return note('baseline: waiting for T+0 to read the logs before it');
    case 'loading':
      return note('baseline: reading the logs before T+0…');
    case 'failed':
      return note(`baseline: failed: ${b.error ?? 'unknown error'} (every signature counts as new)`, 'warn');
    case 'loaded': {
      const from = b.from === undefined ? '' : ` from ${utcTime(b.from)}`;
      const cut = b.truncated ? ` · cut at ${int(b.events ?? 0)} events: a "new" one may be older` : '';
      const n = b.events ?? 0;
      return note(`baseline: ${int(n)} event${n === 1 ? '' : 's'}${from}${cut}`, b.truncated ? 'warn' : 'dim');
    }
  }
}

const columnsOf = (cells: [string, string, string, string, string, string]): string =>
  [
    cells[0].padEnd(3),
    cells[1].padStart(6),
    cells[2].padStart(6),
    cells[3].padStart(12),
    cells[4].padStart(9),
    cells[5],
  ].join(' ');

export const SIGNATURE_COLUMNS = columnsOf(['NEW', 'AFTER', 'BEFORE', 'PER MIN', 'FIRST', 'TEMPLATE']);

/** `NEW    212      0   0 → 10.6   3m ago pq: sorry, too many clients already` (after and before T+0). */
export const signatureKey = (r: Pick<SignatureRow, 'id'>): string => `s:${r.id}`;

export function signatureRow(r: SignatureRow, now: number): ViewRow {
  const rate = `${num(r.ratePerMinBefore)} → ${num(r.ratePerMinAfter)}`;
  const first = `${age(now - r.firstSeen)} ago`;
  const text = columnsOf([r.isNew ? 'NEW' : '', int(r.after), int(r.before), rate, first, r.template]);
  return { key: signatureKey(r), text, tone: r.isNew ? 'bad' : r.after > 0 ? 'warn' : undefined };
}

export function signatureRows(sig: SignaturesState, now: number): ViewRow[] {
  const rows = [baselineLine(sig.baseline)];
  if (sig.rows.length === 0) return [...rows, note('no error lines seen yet')];
  return [...rows, note(SIGNATURE_COLUMNS), ...sig.rows.map((r) => signatureRow(r, now))];
}
