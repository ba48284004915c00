import { Text } from 'ink';
import { OverlayFrame } from './OverlayFrame.js';
import type { ChecklistStepDef, StepResult } from '../../domain/model.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { clampScroll } from '../Rows.js';
import { stepDetail } from '../stepDetail.js';
import { theme } from '../theme.js';

export interface StepOutputProps {
  step?: ChecklistStepDef;
  result?: StepResult;
  scroll: number;
  width: number;
  height: number;
  ascii: boolean;
}

/** A step's command (in full) and its captured output; output is data, shown without its escapes. */
export function StepOutput({ step, result, scroll, width, height, ascii }: StepOutputProps) {
  const head = step ? stepDetail(step) : [];
  const lines = (result?.output ?? '(not run yet)').split('\n').map(sanitizeLine);
  const rows = Math.max(1, height - 4 - head.length);
  const from = clampScroll(scroll, lines.length, rows);
  return (
    <OverlayFrame width={width} height={height} ascii={ascii}>
      <Text
        bold
        wrap="truncate-end"
      >{`${step?.title ?? 'no step selected'} · ${result?.status ?? 'pending'} · Esc closes · ↑↓ scroll`}</Text>
      {head.map((d, i) => (
        <Text
          key={`h${i}`}
          wrap="truncate-end"
          color={d.tone === 'warn' ? theme.warn : d.tone === 'dim' ? theme.dim : theme.accent}
        >
          {d.text}
        </Text>
      ))}
      {lines.slice(from, from + rows).map((l, i) => (
        <Text key={from + i} wrap="truncate-end">
          {l || ' '}
        </Text>
      ))}
    </OverlayFrame>
  );
}
