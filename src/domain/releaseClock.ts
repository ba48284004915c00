// How a moment is said relative to the release: the header, the timeline and the record agree.
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Release clock: `T+04:12`, `T+1:04:12`, `T-00:30` before the release. */
export function clock(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const mmss = `${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  return h > 0 ? `T${sign}${h}:${mmss}` : `T${sign}${mmss}`;
}
