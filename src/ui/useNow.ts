import { useSyncExternalStore } from 'react';
import { useAppEnv } from './AppEnv.js';

/** The backend clock, re-rendering its user once a second together with every other reader. */
export function useNow(): number {
  const { tick } = useAppEnv();
  return useSyncExternalStore(tick.subscribe, tick.get);
}
