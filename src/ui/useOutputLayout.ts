import { useCallback } from 'react';
import { useStoreApi } from './StoreContext.js';

/** What the output and detail views call with their page and furthest scroll, for the keys that page. */
export function useOutputLayout(): (page: number, max: number) => void {
  const store = useStoreApi();
  return useCallback((page, max) => store.dispatch({ type: 'ui/outputView', page, max }), [store]);
}
