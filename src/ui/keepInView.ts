// A pane window that follows a row cursor: it moves only when the cursor would leave it, and only
// as far as needed, so moving the cursor inside the window never shifts the rows under the eye.
import { useRef } from 'react';

/**
 * The first position of a `rows`-long window over `total` positions that holds `cursor`, as near
 * `from` (the window's last place) as it can be.
 */
export function keepInView(from: number, cursor: number, total: number, rows: number): number {
  const h = Math.max(1, rows);
  let next = Math.min(from, cursor);
  if (cursor >= next + h) next = cursor - h + 1;
  return Math.max(0, Math.min(next, total - h));
}

/**
 * keepInView with the window's last place remembered by the component: `first` is where it starts
 * when the pane is drawn for the first time. The same inputs always give the same window, so a
 * render that is thrown away and done again draws the same rows.
 */
export function useKeptInView(cursor: number, total: number, rows: number, first: number): number {
  const last = useRef<number | undefined>(undefined);
  const from = keepInView(last.current ?? first, cursor, total, rows);
  last.current = from;
  return from;
}
