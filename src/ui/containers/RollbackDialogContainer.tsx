import { Box } from 'ink';
import { selectConfirmRefusal, selectPlan } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { RollbackDialog } from '../dialogs/RollbackDialog.js';
import { useAppState, useStoreApi } from '../StoreContext.js';
import { useNow } from '../useNow.js';

export function RollbackDialogContainer({ width, height }: { width: number; height: number }) {
  const { ascii, target, now } = useAppEnv();
  const plan = useAppState(selectPlan);
  const op = useAppState((s) => s.rollback);
  const updatedAt = useAppState((s) => s.service.updatedAt);
  useNow(); // the data's age is said, and y waits on it: look again every tick
  const blocked = selectConfirmRefusal(useStoreApi().getState());
  return (
    <Box height={height} width={width} flexDirection="column" justifyContent="center" alignItems="center">
      <RollbackDialog
        service={target.service}
        cluster={target.cluster}
        plan={plan}
        op={op}
        now={now()}
        blocked={blocked}
        dataAgeMs={updatedAt === undefined ? undefined : Date.now() - updatedAt}
        width={Math.min(width, 90)}
        ascii={ascii}
      />
    </Box>
  );
}
