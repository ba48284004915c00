import type { PaneId } from '../app/state.js';

export const MIN_COLS = 80;
export const MIN_ROWS = 24;
export const GRID_COLS = 120;
export const GRID_ROWS = 36;
export const HEADER_ROWS = 2;
export const KEYBAR_ROWS = 1;

export interface Rect {
  width: number;
  height: number;
}

export type Layout =
  | { mode: 'too-small'; cols: number; rows: number }
  | { mode: 'single'; frame: Rect; body: Rect }
  | { mode: 'grid'; frame: Rect; body: Rect; rows: { height: number; panes: { id: PaneId; width: number }[] }[] };

/**
 * The frame is one row shorter than the terminal: Ink 6 clears the whole screen on every frame
 * as tall as the terminal, which flickers and wipes scrollback over SSH.
 */
export function computeLayout(cols: number, rows: number): Layout {
  if (cols < MIN_COLS || rows < MIN_ROWS) return { mode: 'too-small', cols, rows };
  const frame = { width: cols, height: rows - 1 };
  const body = { width: cols, height: frame.height - HEADER_ROWS - KEYBAR_ROWS };
  if (cols < GRID_COLS || rows < GRID_ROWS) return { mode: 'single', frame, body };
  const w1 = Math.floor(cols * 0.42);
  const w2 = Math.floor(cols * 0.25);
  const w3 = cols - w1 - w2;
  const h1 = Math.round(body.height * 0.31);
  const h2 = Math.round(body.height * 0.28);
  return {
    mode: 'grid',
    frame,
    body,
    rows: [
      {
        height: h1,
        panes: [
          { id: 'deployments', width: w1 },
          { id: 'rollout', width: w2 },
          { id: 'alarms', width: w3 },
        ],
      },
      {
        height: h2,
        panes: [
          { id: 'metrics', width: w1 },
          { id: 'cost', width: w2 },
          { id: 'checklist', width: w3 },
        ],
      },
      { height: body.height - h1 - h2, panes: [{ id: 'logs', width: cols }] },
    ],
  };
}
