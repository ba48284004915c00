// The service as the on-call finds it: web:41 serving since a release three days ago, and the new
// release (web:42) just created. Everything before T+0 is set up here, once.
import { FAMILY, PREVIOUS, RELEASE } from './catalog.js';
import type { Deployer } from './deployer.js';
import * as text from './ecsText.js';
import type { Fleet } from './fleet.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

export function seedHistory(fleet: Fleet, deployer: Deployer, t0: number): void {
  const prevAt = t0 - 3 * 24 * HOUR - 2 * HOUR + 7 * MIN;
  const prevDone = prevAt + 6 * MIN;
  const prevSd = deployer.newServiceDeployment(PREVIOUS, { family: FAMILY, revision: 40 }, prevAt);
  Object.assign(prevSd, { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP', finishedAt: prevDone });
  prevSd.circuitBreaker!.status = 'MONITORING_COMPLETE';
  prevSd.alarms!.status = 'MONITORING_COMPLETE';

  const dep = fleet.startDeployment(PREVIOUS, prevAt, prevSd, false);
  for (let i = 0; i < 3; i++) fleet.seedTask(dep, prevAt + MIN);
  Object.assign(dep, {
    rolloutState: 'COMPLETED',
    rolloutStateReason: text.completedReason(dep.id),
    updatedAt: prevDone,
  });
  fleet.event(prevAt + 3000, text.startedTasks(dep.tasks.map((x) => x.id)));
  fleet.event(prevDone, text.deploymentCompleted(dep.id));
  fleet.event(prevDone, text.steadyState);
  // ECS repeats the steady-state event every six hours while nothing happens.
  for (let t = prevDone + 6 * HOUR; t < t0; t += 6 * HOUR) fleet.event(t, text.steadyState);

  const sd = deployer.newServiceDeployment(RELEASE, PREVIOUS, t0);
  fleet.startDeployment(RELEASE, t0, sd, false);
}
