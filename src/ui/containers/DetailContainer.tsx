import { useMemo } from 'react';
import { selectTimeline, servingLogGroup } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { detailFor } from '../detail/detailFor.js';
import { DetailView } from '../dialogs/DetailView.js';
import { findDetailRow } from '../rowItems.js';
import { useAppState } from '../StoreContext.js';
import { useAlarmHistory } from '../useAlarmHistory.js';
import { useOutputLayout } from '../useOutputLayout.js';

/** Enter on a row: the row found again by its key, in full, live while it stays in the data. */
export function DetailContainer({ width, height }: { width: number; height: number }) {
  const { ascii, target, logGroup, logFilterPattern } = useAppEnv();
  const ref = useAppState((s) => s.ui.detail);
  const scroll = useAppState((s) => s.ui.outputScroll);
  const t0 = useAppState((s) => s.release?.t0);
  const serving = useAppState(servingLogGroup);
  const view = useAppState((s) => s.logView);
  // What the row is read from; a log batch redraws nothing here unless the line itself went.
  const alarms = useAppState((s) => s.alarms.data);
  const service = useAppState((s) => s.service.data);
  const line = useAppState((s) => (ref?.pane === 'logs' ? s.logs.lines.find((e) => e.id === ref.key) : undefined));
  const timeline = useAppState((s) => (ref?.pane === 'timeline' ? selectTimeline(s) : undefined));
  const history = useAlarmHistory(ref?.pane === 'alarms' ? ref.key : undefined);
  const onLayout = useOutputLayout();
  const content = useMemo(() => {
    const row = ref && findDetailRow({ alarms, service, lines: line ? [line] : [], timeline }, ref);
    return detailFor(row, {
      target,
      t0,
      logGroup: logGroup ?? serving,
      filterPattern: logFilterPattern,
      view,
      history,
    });
  }, [ref, alarms, service, line, timeline, target, t0, logGroup, serving, logFilterPattern, view, history]);
  return (
    <DetailView content={content} scroll={scroll} width={width} height={height} ascii={ascii} onLayout={onLayout} />
  );
}
