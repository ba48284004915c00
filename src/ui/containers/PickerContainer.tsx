import { selectPickable } from '../../app/selectors.js';
import { useAppEnv } from '../AppEnv.js';
import { RevisionPicker } from '../dialogs/RevisionPicker.js';
import { useAppState } from '../StoreContext.js';
import { useNow } from '../useNow.js';

export function PickerContainer({ width, height }: { width: number; height: number }) {
  const { ascii } = useAppEnv();
  const rows = useAppState(selectPickable);
  const selected = useAppState((s) => s.ui.pickerSelected);
  const now = useNow();
  return <RevisionPicker rows={rows} selected={selected} now={now} width={width} height={height} ascii={ascii} />;
}
