// How a metric value is written with its unit: the same words on the Metrics pane, in a check's
// output and in the snapshot.

/** Compact number for metric values: `412`, `23.4`, `1.6`, `0.05`, `12.3k`, `4.1M`. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '-';
  const a = Math.abs(n);
  if (a >= 1e6) return `${trim(n / 1e6, 1)}M`;
  if (a >= 1e4) return `${trim(n / 1e3, 1)}k`;
  if (a >= 100) return String(Math.round(n));
  if (a >= 10) return trim(n, 1);
  if (a >= 1 || a === 0) return trim(n, 2);
  return String(Number(n.toPrecision(2)));
}
const trim = (n: number, digits: number): string => String(Number(n.toFixed(digits)));

/** CloudWatch unit names and the short ones configs use, to the suffix shown after a value. */
const UNIT_SUFFIX: Record<string, string> = {
  ms: ' ms',
  milliseconds: ' ms',
  s: ' s',
  seconds: ' s',
  '%': '%',
  percent: '%',
  count: '',
  none: '',
  '': '',
};
export const unitSuffix = (unit: string): string => UNIT_SUFFIX[unit.toLowerCase()] ?? ` ${unit}`;

/** `412 ms`, `23.4%`, `12` */
export const valueWithUnit = (v: number, unit: string): string => `${num(v)}${unitSuffix(unit)}`;
