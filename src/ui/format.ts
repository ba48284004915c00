// Pure text helpers shared by the panes. Timestamps are epoch ms on the backend clock.
import stringWidth from 'string-width';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `12s`, `3m12s`, `1h04m`, `2d03h`: always short, never more than two units. */
export function duration(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${pad2(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${pad2(m % 60)}m`;
  return `${Math.floor(h / 24)}d${pad2(h % 24)}h`;
}

/**
 * How old something is: seconds for the first minute, then whole minutes (`3m`), then `1h04m`. An
 * age that moved every second would redraw an idle screen every second for nothing an on-call needs.
 */
export function age(ms: number): string {
  const m = Math.floor(Math.max(0, ms) / 60_000);
  return m >= 1 && m < 60 ? `${m}m` : duration(ms);
}

/** `12s ago`, `3m ago`; a timestamp ahead of `now` (clock skew) reads as `0s ago`, not negative. */
export const ago = (at: number, now: number): string => `${age(now - at)} ago`;

/** `14:02 UTC`: T+0 said absolutely, so two watchers and the record agree on it. */
export const utcTime = (at: number): string => `${new Date(at).toISOString().slice(11, 16)} UTC`;

/** `2025-01-15 12:00:00 UTC`: a moment said whole, for the detail views. */
export const utcStamp = (at: number): string => `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** `HH:MM:SS` in UTC, like `aws logs tail`, so lines match what the runbooks show. */
export const hms = (at: number): string => new Date(at).toISOString().slice(11, 19);

const money2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `$1.62`, `-$0.10`, `1.62 EUR`. */
export function money(n: number, currency = 'USD'): string {
  const abs = money2.format(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  return currency === 'USD' ? `${sign}$${abs}` : `${sign}${abs} ${currency}`;
}

/** `$1.50–2.00`, `1.50–2.00 EUR`: the currency once. */
export function moneyRange(min: number, max: number, currency = 'USD', dash = '–'): string {
  const range = `${money2.format(min)}${dash}${money2.format(max)}`;
  return currency === 'USD' ? `$${range}` : `${range} ${currency}`;
}

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** `10,000` */
export const int = (n: number): string => intFmt.format(n);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ASCII = /^[\x20-\x7e]*$/;
/** Terminal columns: a CJK character or an emoji takes two, which `.length` does not know. */
export const columns = (s: string): number => (ASCII.test(s) ? s.length : stringWidth(s));

/** Cuts to at most `max` terminal columns with an ellipsis, never splitting a character. */
export function truncate(s: string, max: number): string {
  if (columns(s) <= max) return s;
  if (max <= 0) return '';
  let out = '';
  let width = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = stringWidth(segment);
    if (width + w > max - 1) break;
    out += segment;
    width += w;
  }
  return `${out}…`;
}

/** Truncates or pads to exactly `n` columns, for column alignment. */
export const fit = (s: string, n: number): string => {
  const cut = truncate(s, n);
  return cut + ' '.repeat(Math.max(0, n - columns(cut)));
};

/** First line of a possibly multi-line text. */
export const firstLine = (s: string): string => {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
};

/** Most services write the level into the line; a level column only for lines that do not. */
export const levelTag = (e: { level: string; message: string }): string =>
  e.message.slice(0, 12).includes(e.level) ? '' : `${e.level.padEnd(5)} `;

/** `sha256:4f1c4f1…9a2e`: enough to compare with a registry, short enough for a row. */
export const shortDigest = (d: string): string => (d.length > 20 ? `${d.slice(0, 14)}…${d.slice(-4)}` : d);
