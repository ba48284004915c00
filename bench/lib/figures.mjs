// A case's figures: a value, its unit, and optionally a target it is checked against.
// op '<=': met when value <= target; op '±': met when |value| <= target (e.g. flat within 5 %).

/** Builds one figure; `missed` and `by` (how far past the target, in the figure's unit) are computed here. */
export function figure(key, label, value, unit, target) {
  const v = Number.isFinite(value) ? value : null;
  const f = { key, label, value: v, unit, target: target ?? null, missed: null, by: null };
  if (target && v !== null) {
    const over = target.op === '±' ? Math.abs(v) - target.value : v - target.value;
    f.missed = over > 0;
    f.by = over;
  }
  return f;
}

export const le = (value) => ({ op: '<=', value });
export const within = (value) => ({ op: '±', value });

const DIGITS = { ms: 0, 'B/s': 0, MB: 1, '%': 1, '% core': 1, x: 2, s: 2, $: 4, n: 0 };

/** The value with its unit, rounded for reading. */
export function fmt(value, unit) {
  if (value === null || value === undefined) return '-';
  const d = DIGITS[unit] ?? (Math.abs(value) >= 100 ? 0 : 2);
  const n = value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  if (unit === '$') return `$${n}`;
  if (unit === 'x' || unit === 'n' || !unit) return n;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

export function verdict(f) {
  if (!f.target) return '';
  if (f.value === null) return 'NOT MEASURED';
  if (!f.missed) return 'met';
  const rel = f.target.value ? ` (${Math.round((f.by / f.target.value) * 100)} % over)` : '';
  return `MISSED by ${fmt(f.by, f.unit)}${rel}`;
}

export const targetText = (f) => (f.target ? `${f.target.op} ${fmt(f.target.value, f.unit)}` : '');
