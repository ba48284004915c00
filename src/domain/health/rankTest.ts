// The Mann-Whitney U test (Wilcoxon rank-sum) the release verdict runs per metric, as Kayenta's
// judge does: it asks whether one sample tends to be larger than the other without assuming a
// shape, which latency and error counts never have. The numbers match scipy.stats.mannwhitneyu
// with method='auto' and use_continuity=True (scipy 1.17), so a verdict can be checked in Python.
import { normalSf } from './normal.js';

export interface MannWhitneyResult {
  /** U of x: the number of (x, y) pairs with x > y, ties counted ½. */
  u1: number;
  /** One-sided p-value for "x tends to be larger than y". */
  pGreater: number;
  /** One-sided p-value for "x tends to be smaller than y". */
  pLess: number;
  pTwoSided: number;
  method: 'exact' | 'asymptotic';
}

/** Average ranks (1-based) of `values` and the sizes of the groups of tied values. */
function averageRanks(values: number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/**
 * How many orderings of m x's among n y's give U = k, for k = 0…kMax: the coefficients of the
 * Gaussian binomial ∏ᵢ₌₁..ₘ (1 − q^(n+i)) / (1 − q^i), built one factor at a time. After each
 * factor the coefficients are counts again, so the work is O(m·kMax) instead of a table over n.
 */
function uCounts(m: number, n: number, kMax: number): Float64Array {
  const c = new Float64Array(kMax + 1);
  c[0] = 1;
  for (let i = 1; i <= m; i++) {
    for (let k = i; k <= kMax; k++) c[k]! += c[k - i]!;
    for (let k = kMax; k >= n + i; k--) c[k]! -= c[k - n - i]!;
  }
  return c;
}

/** C(a, b) as a float, exact while it fits in 2^53. */
function choose(a: number, b: number): number {
  let r = 1;
  for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
  return r;
}

/** P(U ≥ u) under the null hypothesis, no ties; summed from the small tail (U is symmetric about mn/2). */
function exactSf(u: number, n1: number, n2: number): number {
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  const complement = m * n - u;
  const lowerTail = Math.min(u - 1, complement);
  if (lowerTail < 0) return 1;
  const counts = uCounts(m, n, lowerTail);
  const total = choose(m + n, m);
  let sum = 0;
  for (let k = 0; k <= lowerTail; k++) sum += counts[k]!;
  // P(U ≥ u) = P(U ≤ mn − u); when u is the small side, it is 1 − P(U ≤ u − 1).
  return lowerTail === complement ? sum / total : 1 - sum / total;
}

/** P(U ≥ u) from the normal approximation with tie and continuity corrections. */
function asymptoticSf(u: number, n1: number, n2: number, tieSizes: number[]): number {
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((s, t) => s + t ** 3 - t, 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // Every value the same (or a single value in all): nothing to rank, no evidence of a shift.
  if (!(variance > 0)) return 1;
  return normalSf((u - (n1 * n2) / 2 - 0.5) / Math.sqrt(variance));
}

/**
 * Mann-Whitney U test of x against y. Exact null distribution when either sample has at most 8
 * values and there are no ties (scipy's 'auto' rule), otherwise the normal approximation.
 * Throws RangeError on an empty sample or a NaN: neither has an answer, and a silent p = 1 would
 * read as "no change" to a caller that forgot to check how much data it had.
 */
export function mannWhitney(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  if (x.length === 0 || y.length === 0) throw new RangeError('mannWhitney needs at least one value in each sample');
  if (x.some(Number.isNaN) || y.some(Number.isNaN)) throw new RangeError('mannWhitney got NaN');
  const n1 = x.length;
  const n2 = y.length;
  const { ranks, tieSizes } = averageRanks([...x, ...y]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const ties = tieSizes.some((t) => t > 1);
  const method = Math.min(n1, n2) <= 8 && !ties ? 'exact' : 'asymptotic';
  const sf = (u: number): number => (method === 'exact' ? exactSf(u, n1, n2) : asymptoticSf(u, n1, n2, tieSizes));
  const clip = (p: number): number => Math.min(1, Math.max(0, p));
  return {
    u1,
    pGreater: clip(sf(u1)),
    pLess: clip(sf(u2)),
    pTwoSided: clip(2 * sf(Math.max(u1, u2))),
    method,
  };
}
