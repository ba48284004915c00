import { useSyncExternalStore } from 'react';
import { useAppEnv } from './AppEnv.js';
import { age } from './format.js';

/** The backend clock, re-rendering its user on every tick: for what shows seconds always (T+mm:ss). */
export function useNow(): number {
  const { tick } = useAppEnv();
  return useSyncExternalStore(tick.subscribe, tick.get);
}

/**
 * The clock for a component whose time-derived text is `view(now)`: it re-renders when that text
 * changes, not on every tick. An idle pane showing minute-coarse ages redraws once a minute.
 */
export function useClockView(view: (now: number) => string | undefined): number {
  const { tick } = useAppEnv();
  useSyncExternalStore(tick.subscribe, () => view(tick.get()));
  return tick.get();
}

/** The clock for a pane showing `age(now - t)` for each of `times`: wakes it only when one of those texts changes. */
export const useAgesClock = (times: readonly number[]): number =>
  useClockView((now) => times.map((t) => age(now - t)).join(' '));
