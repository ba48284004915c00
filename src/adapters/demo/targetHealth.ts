// The demo's one target group as DescribeTargetHealth would answer, read off the fleet: a task is
// registered once RUNNING, healthy once it serves, draining while it is deregistered; a release task
// deep into its connection leak fails the health check, with 503s first and then timeouts.
import type { TargetGroupHealth, TargetHealthInfo } from '../../domain/tasks.js';
import { TARGET_GROUP_ARN } from './catalog.js';
import type { Fleet, SimTask } from './fleet.js';
import { taskAz, taskIp, UNHEALTHY_AT } from './tasks.js';

const PORT = 8080;
/** Past this badness the pool is dry for whole health-check intervals: the check times out. */
const TIMEOUT_AT = 0.8;

function targetOf(task: SimTask, badness: number): TargetHealthInfo | undefined {
  const at = { id: taskIp(task.id), port: PORT, availabilityZone: taskAz(task.id) };
  if (task.state === 'DRAINING')
    return {
      ...at,
      state: 'draining',
      reason: 'Target.DeregistrationInProgress',
      description: 'Target deregistration is in progress',
    };
  // Not registered before it runs.
  if (task.state !== 'RUNNING') return undefined;
  if (!task.registered)
    return {
      ...at,
      state: 'initial',
      reason: 'Elb.InitialHealthChecking',
      description: 'Initial health checks in progress',
    };
  if (badness >= TIMEOUT_AT)
    return { ...at, state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out' };
  if (badness >= UNHEALTHY_AT)
    return {
      ...at,
      state: 'unhealthy',
      reason: 'Target.ResponseCodeMismatch',
      description: 'Health checks failed with these codes: [503]',
    };
  return { ...at, state: 'healthy' };
}

/** The world has one target group (the one its snapshot names), so the answer is always about that one. */
export function demoTargetHealth(fleet: Fleet, badness: (task: SimTask) => number): TargetGroupHealth[] {
  const targets = fleet.deployments.flatMap((d) => d.tasks).flatMap((task) => targetOf(task, badness(task)) ?? []);
  return [{ targetGroupArn: TARGET_GROUP_ARN, name: TARGET_GROUP_ARN.split('/')[1]!, targets }];
}
