import type { ChecklistHost } from '../checklist/host.js';
import type { Backend } from '../domain/backend.js';
import { selectSignals } from './selectors.js';
import type { Store } from './store.js';

/** The checklist runner's view of the app: steps and signals from the store, results back into it. */
export function checklistHost(
  store: Store,
  backend: Pick<Backend, 'now'>,
  record: ChecklistHost['record'],
): ChecklistHost {
  return {
    steps: () => store.getState().checklist.steps,
    result: (id) => store.getState().checklist.results[id],
    signals: () => selectSignals(store.getState()),
    readOnly: () => store.getState().readOnly,
    now: () => backend.now(),
    report: (id, result) => store.dispatch({ type: 'checklist/result', id, result }),
    notice: (notice) => store.dispatch({ type: 'ui/notice', notice }),
    record,
  };
}
