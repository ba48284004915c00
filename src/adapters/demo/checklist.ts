// The release checklist of the demo service, as its runbook would list it.
import { ERROR_WORDS } from '../../domain/health/errorLines.js';
import type { ChecklistStepDef } from '../../domain/model.js';

export const demoChecklist: ChecklistStepDef[] = [
  { id: 'image-pushed', title: 'Image v1.4.0 pushed to registry', phase: 'pre', kind: 'manual' },
  { id: 'secrets-validated', title: 'Secrets validated', phase: 'pre', kind: 'manual' },
  { id: 'ecs-steady', title: 'ECS service steady', phase: 'deploy', kind: 'ecs-steady' },
  { id: 'alarms-ok', title: 'No alarms in ALARM', phase: 'post', kind: 'alarms-ok' },
  {
    id: 'no-log-errors',
    title: `No ${ERROR_WORDS.join('/')} in logs for 5 min`,
    phase: 'post',
    kind: 'no-log-errors',
    params: { minutes: 5 },
  },
  {
    id: 'p99-under-500',
    title: 'p99 latency under 500 ms',
    phase: 'post',
    kind: 'metric-below',
    params: { metric: 'p99', below: 500 },
  },
  { id: 'verdict', title: 'Release verdict PASS against the baseline', phase: 'post', kind: 'verdict' },
  { id: 'cost-within', title: 'Daily cost within $1.50–2.00', phase: 'post', kind: 'cost-within' },
];
