import { useMemo } from 'react';
import { selectEvidence } from '../../app/selectors.js';
import { useAppState } from '../StoreContext.js';
import type { ViewSources } from './views.js';

/** What the list views are made of, one subscription per slice: a log batch redraws none of them. */
export function useViewSources(): ViewSources {
  const evidence = useAppState(selectEvidence);
  const series = useAppState((s) => s.metrics.data);
  const service = useAppState((s) => s.service.data);
  const signatures = useAppState((s) => s.signatures);
  const tasks = useAppState((s) => s.tasks);
  const targets = useAppState((s) => s.targetHealth);
  return useMemo(
    () => ({ evidence, series, service, signatures, tasks, targets }),
    [evidence, series, service, signatures, tasks, targets],
  );
}
