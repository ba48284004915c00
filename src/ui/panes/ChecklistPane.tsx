import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { ChecklistPhase, ChecklistStepDef, StepResult, StepStatus } from '../../domain/model.js';
import { duration, firstLine, fit } from '../format.js';
import { Rows } from '../Rows.js';
import { stepDetail } from '../stepDetail.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { theme } from '../theme.js';

export interface ChecklistPaneProps {
  steps: readonly ChecklistStepDef[];
  results: Record<string, StepResult>;
  /** Index into `steps`. */
  selected: number;
  now: number;
  width: number;
  height: number;
}

const PHASES: ChecklistPhase[] = ['pre', 'deploy', 'post'];
const PHASE_TITLE: Record<ChecklistPhase, string> = { pre: 'Pre-deploy', deploy: 'Deploy', post: 'Post-deploy' };

/** ASCII glyphs of equal width, readable with no colour and no Unicode. */
export const GLYPH: Record<StepStatus, string> = {
  pending: '[  ]',
  running: '[..]',
  passed: '[ok]',
  failed: '[FAIL]',
  skipped: '[--]',
};
const COLOR: Record<StepStatus, string | undefined> = {
  pending: undefined,
  running: theme.accent,
  passed: theme.ok,
  failed: theme.bad,
  skipped: theme.dim,
};

function took(r: StepResult | undefined, now: number): string {
  if (r?.startedAt === undefined) return '';
  return duration((r.finishedAt ?? now) - r.startedAt);
}

/** What the pane shows that moves with the clock: the running steps' times (see useClockView). */
export const runningTimes = (results: Record<string, StepResult>, now: number): string =>
  Object.values(results)
    .filter((r) => r.startedAt !== undefined && r.finishedAt === undefined)
    .map((r) => took(r, now))
    .join(' ');

/** Steps grouped by phase; the view follows the selected step; below, what the selected step will run. */
export function ChecklistPane({ steps, results, selected, now, width, height }: ChecklistPaneProps) {
  if (steps.length === 0) return <Rows rows={['no checklist steps configured']} width={width} height={height} />;
  const current = steps[selected];
  const detail = current ? stepDetail(current) : [];
  // The detail gets at most a third of the pane; `o` shows everything.
  const detailRows = Math.min(detail.length, Math.max(0, Math.floor(height / 3)));
  const listHeight = height - detailRows;
  const titles = steps.map((s) => sanitizeLine(s.title));
  const titleW = Math.min(40, Math.max(...titles.map((t) => t.length)));
  const rows: ReactNode[] = [];
  let selectedRow = 0;
  for (const phase of PHASES) {
    const inPhase = steps.map((s, i) => [s, i] as const).filter(([s]) => s.phase === phase);
    if (inPhase.length === 0) continue;
    rows.push(<Text bold>{PHASE_TITLE[phase]}</Text>);
    for (const [step, i] of inPhase) {
      const r = results[step.id];
      const status = r?.status ?? 'pending';
      const isSel = i === selected;
      if (isSel) selectedRow = rows.length;
      rows.push(
        <Text bold={isSel}>
          {isSel ? '>' : ' '} <Text color={COLOR[status]}>{fit(GLYPH[status], 6)}</Text>
          {step.placeholders?.length ? '!' : ' '}
          {fit(titles[i]!, titleW)} <Text color={theme.dim}>{fit(step.kind, 13)}</Text> {took(r, now)}
        </Text>,
      );
      if (status === 'failed' && r?.output)
        rows.push(<Text color={theme.bad}>{`          ${firstLine(r.output)}`}</Text>);
    }
  }
  // Keep the selection on screen with its failure line, scrolling only as far as needed.
  const from = Math.max(0, Math.min(selectedRow + 2 - listHeight, rows.length - listHeight));
  const list = rows.slice(Math.max(0, from), Math.max(0, from) + listHeight);
  while (list.length < listHeight) list.push('');
  const shown = detail
    .slice(0, detailRows)
    .map((d, i) => (
      <Text color={d.tone === 'warn' ? theme.warn : d.tone === 'dim' ? theme.dim : theme.accent}>
        {i === detailRows - 1 && detail.length > detailRows ? `${d.text} … (o shows all)` : d.text}
      </Text>
    ));
  return <Rows rows={[...list, ...shown]} width={width} height={height} />;
}
