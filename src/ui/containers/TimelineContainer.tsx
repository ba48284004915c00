import { selectTimeline } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { TimelineOverlay } from '../dialogs/TimelineOverlay.js';
import { useAppState } from '../StoreContext.js';
import { useOutputLayout } from '../useOutputLayout.js';

export function TimelineContainer({ width, height }: { width: number; height: number }) {
  const { ascii } = useAppEnv();
  const entries = useAppState(selectTimeline);
  const t0 = useAppState((s) => s.release?.t0);
  const scroll = useAppState((s) => s.ui.outputScroll);
  const onLayout = useOutputLayout();
  return (
    <TimelineOverlay
      entries={entries}
      t0={t0}
      scroll={scroll}
      width={width}
      height={height}
      ascii={ascii}
      onLayout={onLayout}
    />
  );
}
