import type { Action } from './actions.js';
import { rootReducer } from './reducers/rootReducer.js';
import type { AppState } from './state.js';

export interface Store {
  getState(): AppState;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
}

/** A minimal external store: pure reducer in, listeners notified only when the state object changes. */
export function createStore(initial: AppState, reducer = rootReducer): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
