import React, { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppState } from '../app/state.js';
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
