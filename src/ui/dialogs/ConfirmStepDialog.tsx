import { Box, Text } from 'ink';
import type { ChecklistStepDef } from '../../domain/model.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { stepChanges } from '../../app/stepChanges.js';
import { borderStyle, theme } from '../theme.js';

export interface ConfirmStepDialogProps {
  step: ChecklistStepDef;
  width: number;
  ascii: boolean;
}

/** A command that changes things, shown whole before `y`: the on-call reads what will run, not a title. */
export function ConfirmStepDialog({ step, width, ascii }: ConfirmStepDialogProps) {
  const run = step.command?.run ?? '';
  const changes = stepChanges(step);
  return (
    <Box flexDirection="column" borderStyle={borderStyle(ascii)} borderColor={theme.warn} width={width} paddingX={1}>
      <Text bold wrap="truncate-end">{`Run "${sanitizeLine(step.title)}"?`}</Text>
      <Text wrap="truncate-end" color={theme.warn}>{`it changes things: ${changes.join(', ')}`}</Text>
      {run.split('\n').map((line, i) => (
        <Text key={i} wrap="wrap">{`$ ${sanitizeLine(line)}`}</Text>
      ))}
      {step.command?.cwd && <Text color={theme.dim} wrap="truncate-end">{`in ${step.command.cwd}`}</Text>}
      <Text wrap="truncate-end">
        <Text bold color={theme.bad}>
          y
        </Text>
        <Text> run it now · any other key cancels</Text>
      </Text>
    </Box>
  );
}
