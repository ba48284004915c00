import { useMemo } from 'react';
import { selectPlan, servingLogGroup } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { viewDetail } from '../detail/viewDetail.js';
import { DetailView } from '../dialogs/DetailView.js';
import { useAppState } from '../StoreContext.js';
import { useOutputLayout } from '../useOutputLayout.js';
import { useViewSources } from '../views/useViewSources.js';

/** Enter on a list view's row, or `d` in the rollback dialog: the row found again by its key, in full, live. */
export function ViewDetailContainer({ width, height }: { width: number; height: number }) {
  const { ascii, target, logGroup } = useAppEnv();
  const ref = useAppState((s) => s.ui.detail);
  const scroll = useAppState((s) => s.ui.outputScroll);
  const t0 = useAppState((s) => s.release?.t0);
  const serving = useAppState(servingLogGroup);
  const plan = useAppState(selectPlan);
  const src = useViewSources();
  const onLayout = useOutputLayout();
  const content = useMemo(
    () => ref && viewDetail(ref, src, plan, { target, t0, logGroup: logGroup ?? serving }),
    [ref, src, plan, target, t0, logGroup, serving],
  );
  if (!content) return null;
  return (
    <DetailView content={content} scroll={scroll} width={width} height={height} ascii={ascii} onLayout={onLayout} />
  );
}
