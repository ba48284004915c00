import { Text } from 'ink';
import { CursorRow } from '../CursorRow.js';
import { useKeptInView } from '../keepInView.js';
import { theme } from '../theme.js';
import type { ViewRow } from '../views/viewRow.js';
import { OverlayFrame } from './OverlayFrame.js';

export interface ListOverlayProps {
  title: string;
  rows: readonly ViewRow[];
  /** The key of the row under the cursor (undefined: none opens). */
  selected?: string;
  width: number;
  height: number;
  ascii: boolean;
}

/**
 * A list view over the panes (verdict, error signatures, tasks): a title that stays, rows cut at
 * the width behind a cursor gutter, the window following the cursor. Rows without a key are
 * headings and notes: the cursor passes over them.
 */
export function ListOverlay({ title, rows, selected, width, height, ascii }: ListOverlayProps) {
  // The frame's top and bottom borders and the title row.
  const page = Math.max(1, height - 3);
  const at = Math.max(
    0,
    rows.findIndex((r) => r.key !== undefined && r.key === selected),
  );
  const from = useKeptInView(at, rows.length, page, 0);
  const where = rows.length > page ? ` · ${from + 1}-${Math.min(rows.length, from + page)}/${rows.length}` : '';
  const mark = { focused: true, ascii };
  return (
    <OverlayFrame width={width} height={height} ascii={ascii}>
      <Text bold wrap="truncate-end">{`${title}${where} · Esc closes · ↑↓ move · Enter opens`}</Text>
      {rows.slice(from, from + page).map((r, i) => (
        <Text key={r.key ?? `${from + i}:${r.text}`} wrap="truncate-end">
          <CursorRow
            mark={mark}
            selected={r.key !== undefined && r.key === selected}
            row={
              <Text bold={r.bold} color={r.tone && theme[r.tone]}>
                {r.text || ' '}
              </Text>
            }
          />
        </Text>
      ))}
    </OverlayFrame>
  );
}
