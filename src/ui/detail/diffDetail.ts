// What the rollback changes, every line of it: the dialog shows a summary, `d` this.
import { refKey, type TaskDefinitionInfo } from '../../domain/model.js';
import type { RollbackPlan } from '../../domain/rollback.js';
import { diffTaskDefs, type DiffLine } from '../../domain/taskdefDiff.js';
import type { DetailBlock, DetailContent } from './content.js';

export const isInfo = (x: unknown): x is TaskDefinitionInfo => typeof x === 'object' && x !== null && 'containers' in x;

/** `web env LOG_LEVEL: debug → info`; a side without the field says `(none)`. */
export const diffLineText = (l: DiffLine): string =>
  `${l.container ? `${l.container} ` : ''}${l.field}: ${l.from ?? '(none)'} → ${l.to ?? '(none)'}`;

/** The plan's current → target difference, as `diffTaskDefs` finds it (secret-looking values masked). */
export const planDiff = (plan: RollbackPlan) =>
  diffTaskDefs(plan.current?.info, isInfo(plan.target?.info) ? plan.target.info : undefined);

export function diffDetail(plan: RollbackPlan): DetailContent {
  const { current, target } = plan;
  const title = `Rollback diff · ${current ? refKey(current.ref) : '?'} → ${target ? refKey(target.ref) : '?'}`;
  const lines = planDiff(plan).lines;
  const blocks: DetailBlock[] = [
    {
      kind: 'text',
      text: 'What rolling back changes, current → target. Esc goes back to the dialog; nothing is changed from here.',
      tone: 'dim',
    },
  ];
  if (!current || !target) blocks.push({ kind: 'text', text: 'no rollback target: nothing to compare', tone: 'warn' });
  else if (lines.length === 0)
    blocks.push({
      kind: 'text',
      text: 'no difference found besides the revision (or the definitions are not read whole)',
    });
  else blocks.push(...lines.map((l): DetailBlock => ({ kind: 'text', text: diffLineText(l) })));
  return { title, blocks };
}
