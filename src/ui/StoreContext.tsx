import React, { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { AppState, Slice } from '../app/state.js';
import type { Store } from '../app/store.js';

const StoreContext = createContext<Store | null>(null);

export const StoreProvider = ({ store, children }: { store: Store; children: React.ReactNode }) => (
  <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
);

export function useStoreApi(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreApi outside <StoreProvider>');
  return store;
}

/**
 * Subscribes to one selected value; the component re-renders only when that value changes identity.
 * Selectors must return existing objects (slices), not build new ones each call.
 */
export function useAppState<T>(selector: (s: AppState) => T): T {
  const store = useStoreApi();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

type SliceId = 'service' | 'alarms' | 'metrics' | 'cost';
type DataOf<K extends SliceId> = AppState[K] extends Slice<infer T> ? T : never;

/**
 * A slice as a pane shows it: its data, status and error, not when it was fetched. A reload that
 * brings the same data moves only the fetch time, and must not redraw the pane.
 */
export function useSliceView<K extends SliceId>(id: K): Slice<DataOf<K>> {
  const data = useAppState((s) => s[id].data) as DataOf<K> | undefined;
  const status = useAppState((s) => s[id].status);
  const error = useAppState((s) => s[id].error);
  return useMemo(() => ({ data, status, error }), [data, status, error]);
}
