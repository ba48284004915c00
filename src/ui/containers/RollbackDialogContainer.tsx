import { Box } from 'ink';
import { selectPlan } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { RollbackDialog } from '../dialogs/RollbackDialog.js';
import { useAppState } from '../StoreContext.js';

export function RollbackDialogContainer({ width, height }: { width: number; height: number }) {
  const { ascii, target, now } = useAppEnv();
  const plan = useAppState(selectPlan);
  const op = useAppState((s) => s.rollback);
  return (
    <Box height={height} width={width} flexDirection="column" justifyContent="center" alignItems="center">
      <RollbackDialog
        service={target.service}
        cluster={target.cluster}
        plan={plan}
        op={op}
        now={now()}
        width={Math.min(width, 90)}
        ascii={ascii}
      />
    </Box>
  );
}
