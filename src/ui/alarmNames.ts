// Alarm names told apart in a narrow column. Alarms of one service are usually named after it
// (`facilitator-production-5xx`, `facilitator-production-cpu`): cut at the end, every row reads
// the same. The part all of them share is said once (the pane's count line) and dropped from the
// rows, and a name still too long loses its middle rather than the part that tells it apart.
import stringWidth from 'string-width';
import { columns, truncate } from './format.js';

/** Where a shared start may end: just after one of these. */
const SEPARATORS = new Set(['-', '_', '.', '/', ' ', ':']);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const segs = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);
const cols = (parts: readonly string[]): number => parts.reduce((n, g) => n + stringWidth(g), 0);

/**
 * The longest start every name shares that ends just after a separator, so it is whole words;
 * '' for fewer than two names, and never a whole name (each keeps something to show).
 */
export function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let common = names[0]!;
  for (const n of names) {
    let i = 0;
    while (i < common.length && i < n.length && common[i] === n[i]) i++;
    common = common.slice(0, i);
  }
  // Separators are ASCII, so a cut after one never splits a character.
  for (let end = common.length; end > 0; end--) {
    if (!SEPARATORS.has(common[end - 1]!)) continue;
    if (names.every((n) => n.length > end)) return common.slice(0, end);
  }
  return '';
}

/** Where each name first differs from the one most like it, in characters (graphemes). */
export function differsAt(names: readonly string[]): number[] {
  const parts = names.map(segs);
  return parts.map((p, i) => {
    let most = 0;
    parts.forEach((q, j) => {
      if (j === i) return;
      let k = 0;
      while (k < p.length && k < q.length && p[k] === q[k]) k++;
      most = Math.max(most, k);
    });
    return most;
  });
}

/**
 * `name` in at most `width` columns with its character `at` (where it differs from the others)
 * still shown: cut at the end when that leaves it, else `start…` and the rest from near it.
 */
export function fitName(name: string, width: number, at: number): string {
  if (columns(name) <= width) return name;
  if (width <= 2) return truncate(name, width);
  const parts = segs(name);
  // Through the differing character (or the whole name, when it is the start of another), plus `…`.
  if (at < parts.length && cols(parts.slice(0, at + 1)) + 1 <= width) return truncate(name, width);
  const head: string[] = [];
  for (const g of parts) {
    if (cols(head) + stringWidth(g) > Math.max(1, Math.floor((width - 1) / 3))) break;
    head.push(g);
  }
  const room = width - cols(head) - 1;
  let from = parts.length;
  while (from > head.length && cols(parts.slice(from - 1)) <= room) from--;
  if (from <= at) return `${head.join('')}…${parts.slice(from).join('')}`;
  return `${head.join('')}…${truncate(parts.slice(at).join(''), room)}`;
}

export interface AlarmLabels {
  /** What every name starts with, said once; '' when they share nothing. */
  prefix: string;
  /** The names without it, in the order given, each in at most `width` columns. */
  labels: string[];
}

/** The names as a column `width` wide shows them: without their shared start, each distinct. */
export function alarmLabels(names: readonly string[], width: number): AlarmLabels {
  const prefix = sharedPrefix(names);
  const short = names.map((n) => n.slice(prefix.length));
  const at = differsAt(short);
  return { prefix, labels: short.map((s, i) => fitName(s, width, at[i]!)) };
}

/** The widest name without the shared start, for sizing the column. */
export const widestLabel = (names: readonly string[]): number => {
  const prefix = sharedPrefix(names);
  return Math.max(0, ...names.map((n) => columns(n.slice(prefix.length))));
};
