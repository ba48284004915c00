// Text sparklines. Pure so they can be unit-tested and reused by the header or a snapshot printer.

const BLOCKS = '▁▂▃▄▅▆▇█';
const ASCII_LEVELS = '_.-=+*#';

/**
 * Draws `values` (oldest first) in exactly `width` columns. More values than columns are bucketed
 * by their maximum, so a one-sample error spike stays visible; fewer are right-aligned so the
 * newest value is always in the last column. Non-finite values draw as a space.
 */
export function sparkline(values: readonly number[], width: number, ascii = false): string {
  if (width <= 0) return '';
  const levels = ascii ? ASCII_LEVELS : BLOCKS;
  const cols = bucket(values, width);
  let min = Infinity;
  let max = -Infinity;
  for (const v of cols) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  let out = '';
  for (const v of cols) {
    if (!Number.isFinite(v)) out += ' ';
    else out += levels[span > 0 ? Math.round(((v - min) / span) * (levels.length - 1)) : 0];
  }
  return out.padStart(width);
}

function bucket(values: readonly number[], width: number): number[] {
  const n = values.length;
  if (n <= width) return values.slice();
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const from = Math.floor((i * n) / width);
    const to = Math.floor(((i + 1) * n) / width);
    let m = NaN;
    for (let j = from; j < to; j++) {
      const v = values[j]!;
      if (Number.isFinite(v) && (Number.isNaN(m) || v > m)) m = v;
    }
    out.push(m);
  }
  return out;
}
