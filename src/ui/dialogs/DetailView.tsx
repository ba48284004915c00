import { Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { layoutDetail, type DetailContent } from '../detail/content.js';
import { theme } from '../theme.js';
import { OverlayFrame } from './OverlayFrame.js';

export interface DetailViewProps {
  content: DetailContent;
  /** Rows scrolled down. */
  scroll: number;
  width: number;
  height: number;
  ascii: boolean;
  /** Told the rows per page and the furthest scroll whenever they change, for PgDn, Home and End. */
  onLayout?: (page: number, max: number) => void;
  /** Side borders, as the step output always had; a row's detail has none (see below). */
  sides?: boolean;
}

/**
 * One row, a step or a fact in full: wrapped to the width, scrolled under a title that stays. Without
 * side borders, commands and links start in the first column with nothing else on their rows, so a
 * mouse selection across rows copies them as they are.
 */
export function DetailView({ content, scroll, width, height, ascii, onLayout, sides = false }: DetailViewProps) {
  // The borders and their padding take two columns each side.
  const inner = sides ? width - 4 : width;
  const rows = useMemo(() => layoutDetail(content, inner), [content, inner]);
  // The frame's top and bottom borders and the title row.
  const page = Math.max(1, height - 3);
  const max = Math.max(0, rows.length - page);
  useEffect(() => onLayout?.(page, max), [onLayout, page, max]);
  const from = Math.max(0, Math.min(Math.floor(scroll), max));
  const where = rows.length > page ? ` · ${from + 1}-${Math.min(rows.length, from + page)}/${rows.length}` : '';
  return (
    <OverlayFrame width={width} height={height} ascii={ascii} sides={sides}>
      <Text bold wrap="truncate-end">{`${content.title}${where} · Esc closes · ↑↓ PgUp PgDn Home End`}</Text>
      {rows.slice(from, from + page).map((r, i) => (
        // An empty Text measures zero rows high and would pull the following rows up.
        <Text key={from + i} wrap="truncate-end" bold={r.bold} color={r.tone && theme[r.tone]}>
          {r.text || ' '}
        </Text>
      ))}
    </OverlayFrame>
  );
}
