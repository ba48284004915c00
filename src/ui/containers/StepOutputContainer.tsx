import { useMemo } from 'react';
import { useAppEnv } from '../AppEnv.js';
import { stepContent } from '../detail/stepContent.js';
import { DetailView } from '../dialogs/DetailView.js';
import { useAppState } from '../StoreContext.js';
import { useOutputLayout } from '../useOutputLayout.js';

/** `o` on the Checklist: the selected step's definition and output, following it while it runs. */
export function StepOutputContainer({ width, height }: { width: number; height: number }) {
  const { ascii } = useAppEnv();
  const step = useAppState((s) => s.checklist.steps[s.ui.checklistSelected]);
  const result = useAppState((s) => (step ? s.checklist.results[step.id] : undefined));
  const scroll = useAppState((s) => s.ui.outputScroll);
  const onLayout = useOutputLayout();
  const content = useMemo(() => stepContent(step, result), [step, result]);
  return (
    <DetailView
      content={content}
      scroll={scroll}
      width={width}
      height={height}
      ascii={ascii}
      onLayout={onLayout}
      sides
    />
  );
}
