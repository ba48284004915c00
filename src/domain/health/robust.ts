// Statistics that a few wild points cannot drag: the verdict compares medians, not means, and
// drops points far outside the bulk (Tukey's fences, as Kayenta's IQR outlier strategy) before
// the rank test, so one slow health check or one scrape glitch does not decide a release.

const ascending = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** Quantile q ∈ [0, 1] of already sorted values, linear between order statistics (numpy's default). */
function sortedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Quantile q ∈ [0, 1] of `xs` (NaN when empty), as numpy.quantile with its default method. */
export const quantile = (xs: readonly number[], q: number): number => sortedQuantile(ascending(xs), q);

/** Median of `xs`; NaN when empty. */
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Tukey's fences: [Q1 − k·IQR, Q3 + k·IQR]. */
export function tukeyFences(xs: readonly number[], k: number): { low: number; high: number } {
  const sorted = ascending(xs);
  const q1 = sortedQuantile(sorted, 0.25);
  const q3 = sortedQuantile(sorted, 0.75);
  const iqr = q3 - q1;
  return { low: q1 - k * iqr, high: q3 + k * iqr };
}

/**
 * `xs` without the values outside Tukey's fences at k (3 by default: "far out"), order kept.
 * Nothing is dropped when k ≤ 0, or when the IQR is 0: the fences would shrink to one value and
 * throw away every point that differs from the median, which in a mostly-zero error count is the
 * very burst the verdict is looking for.
 */
export function trimOutliers(xs: readonly number[], k = 3): number[] {
  if (!(k > 0) || xs.length < 4) return [...xs];
  const { low, high } = tukeyFences(xs, k);
  if (!(high > low)) return [...xs];
  return xs.filter((v) => v >= low && v <= high);
}
