import { ERROR_WORDS } from '../domain/health/errorLines.js';
import type { ChecklistStepDef } from '../domain/model.js';

/** When the config names no checklist: the built-in checks every release needs, nothing that runs commands. */
export function defaultChecklist(hasCostRange: boolean, p99Ms = 500): ChecklistStepDef[] {
  const steps: ChecklistStepDef[] = [
    { id: 'ecs-steady', title: 'ECS service steady (one deployment, COMPLETED)', phase: 'deploy', kind: 'ecs-steady' },
    { id: 'alarms-ok', title: 'No alarm in ALARM', phase: 'post', kind: 'alarms-ok' },
    {
      id: 'no-log-errors',
      title: `No ${ERROR_WORDS.join('/')} in logs for 5 min`,
      phase: 'post',
      kind: 'no-log-errors',
      params: { minutes: 5 },
    },
    {
      id: 'p99',
      title: `p99 latency under ${p99Ms} ms`,
      phase: 'post',
      kind: 'metric-below',
      params: { metric: 'p99', below: p99Ms },
    },
    { id: 'verdict', title: 'Release verdict PASS against the baseline', phase: 'post', kind: 'verdict' },
  ];
  if (hasCostRange)
    steps.push({ id: 'cost', title: 'Daily cost within the expected range', phase: 'post', kind: 'cost-within' });
  return steps;
}
