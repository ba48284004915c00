import { Box, Text } from 'ink';
import type { ChecklistStepDef } from '../../domain/model.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { stepRisk } from '../../app/stepChanges.js';
import { borderStyle, theme } from '../theme.js';

export interface ConfirmStepDialogProps {
  step: ChecklistStepDef;
  width: number;
  ascii: boolean;
}

/**
 * A command not known to only read, shown whole before `y`: the on-call reads what will run (every
 * line, wrapped, not a title) and why it asks — what it changes, or what shipwatch cannot tell only reads.
 */
export function ConfirmStepDialog({ step, width, ascii }: ConfirmStepDialogProps) {
  const run = step.command?.run ?? '';
  const risk = stepRisk(step);
  const reasons = [
    risk?.changes.length ? `it changes things: ${risk.changes.join(', ')}` : '',
    risk?.unknown.length ? `shipwatch cannot tell that ${risk.unknown.join(', ')} only reads` : '',
  ].filter(Boolean);
  return (
    <Box flexDirection="column" borderStyle={borderStyle(ascii)} borderColor={theme.warn} width={width} paddingX={1}>
      <Text bold wrap="truncate-end">{`Run "${sanitizeLine(step.title)}"?`}</Text>
      {reasons.map((r) => (
        <Text key={r} wrap="wrap" color={theme.warn}>
          {sanitizeLine(r)}
        </Text>
      ))}
      {run.split('\n').map((line, i) => (
        <Text key={i} wrap="wrap">{`$ ${sanitizeLine(line)}`}</Text>
      ))}
      {step.command?.cwd && <Text color={theme.dim} wrap="truncate-end">{`in ${sanitizeLine(step.command.cwd)}`}</Text>}
      <Text wrap="truncate-end">
        <Text bold color={theme.bad}>
          y
        </Text>
        <Text> run it now · any other key cancels</Text>
      </Text>
    </Box>
  );
}
