import { useAppEnv } from '../AppEnv.js';
import { StepOutput } from '../dialogs/StepOutput.js';
import { useAppState } from '../StoreContext.js';

export function StepOutputContainer({ width, height }: { width: number; height: number }) {
  const { ascii } = useAppEnv();
  const checklist = useAppState((s) => s.checklist);
  const selected = useAppState((s) => s.ui.checklistSelected);
  const scroll = useAppState((s) => s.ui.outputScroll);
  const step = checklist.steps[selected];
  return (
    <StepOutput
      step={step}
      result={step && checklist.results[step.id]}
      scroll={scroll}
      width={width}
      height={height}
      ascii={ascii}
    />
  );
}
