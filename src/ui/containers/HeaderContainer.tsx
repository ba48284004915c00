import React from 'react';
import { releaseStart, selectEvidence, selectPlan, selectVerdict, staleness } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { Header } from '../Header.js';
import { rollbackHint } from '../rollbackText.js';
import { useAppState, useStoreApi } from '../StoreContext.js';
import { useNow } from '../useNow.js';

export const HeaderContainer = React.memo(function HeaderContainer({ width }: { width: number }) {
  const { target, demo, watchWindowMs, intervals } = useAppEnv();
  const now = useNow();
  const identity = useAppState((s) => s.identity.data);
  const verdict = useAppState(selectVerdict);
  const evidence = useAppState(selectEvidence);
  const plan = useAppState(selectPlan);
  const op = useAppState((s) => s.rollback);
  const start = useAppState(releaseStart);
  const releaseChange = useAppState((s) => s.releaseChange);
  // Staleness is a matter of time passing: read it on the 1 Hz clock tick rather than subscribing
  // to every log batch.
  const state = useStoreApi().getState();
  const wall = Date.now();
  const stale = (['service', 'alarms', 'metrics', 'cost', 'logs'] as const).flatMap((id) => {
    const st = staleness(state[id], intervals[id], wall);
    return st ? [`${id} ${st.ageSec === undefined ? 'no data' : `${st.ageSec}s`}`] : [];
  });
  return (
    <Header
      target={target}
      identity={identity}
      demo={demo}
      now={now}
      releaseStart={start}
      watchWindowMs={watchWindowMs}
      verdict={verdict}
      evidence={evidence}
      rollbackHint={rollbackHint(plan, op)}
      stale={stale}
      releaseChange={releaseChange}
      width={width}
    />
  );
});
