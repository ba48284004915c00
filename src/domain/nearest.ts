// "Did you mean …?" for a mistyped name: the closest candidates by edit distance.
import leven from 'leven';

/** The candidates within a third of the name's length in edits (at least 2), closest first. */
export function nearest(name: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  return candidates
    .map((c) => ({ c, d: leven(name.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= limit || x.c.toLowerCase().startsWith(name.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

/** ": did you mean a or b?", or nothing when no candidate is near. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = nearest(name, candidates);
  return near.length ? `: did you mean ${near.join(' or ')}?` : '';
}
