import { Box } from 'ink';
import { useAppEnv } from '../AppEnv.js';
import { ConfirmStepDialog } from '../dialogs/ConfirmStepDialog.js';
import { useAppState } from '../StoreContext.js';

export function ConfirmStepContainer({ width, height }: { width: number; height: number }) {
  const { ascii } = useAppEnv();
  const step = useAppState((s) => s.checklist.steps[s.ui.checklistSelected]);
  return (
    <Box height={height} width={width} flexDirection="column" justifyContent="center" alignItems="center">
      {step && <ConfirmStepDialog step={step} width={Math.min(width, 90)} ascii={ascii} />}
    </Box>
  );
}
