// ECS's own wording for service events and stop reasons, so the demo reads like a real console.
import type { TaskDefRef } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { ACCOUNT, REGION, SERVICE, TARGET_GROUP_ARN } from './catalog.js';

const svc = `(service ${SERVICE})`;
const tasks = (ids: string[]) => ids.map((id) => `(task ${id})`).join(' ');

export const startedTasks = (ids: string[]) => `${svc} has started ${ids.length} tasks: ${tasks(ids)}.`;
export const registeredTargets = (n: number) => `${svc} registered ${n} targets in (target-group ${TARGET_GROUP_ARN})`;
export const deregisteredTargets = (n: number) =>
  `${svc} deregistered ${n} targets in (target-group ${TARGET_GROUP_ARN})`;
export const drainingTasks = (n: number) => `${svc} has begun draining connections on ${n} tasks.`;
export const stoppedTasks = (ids: string[]) => `${svc} has stopped ${ids.length} running tasks: ${tasks(ids)}.`;
export const deploymentCompleted = (depId: string) => `${svc} (deployment ${depId}) deployment completed.`;
export const steadyState = `${svc} has reached a steady state.`;
export const unableToStart =
  `${svc} is unable to consistently start tasks successfully. ` +
  'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
export const deploymentFailed = (depId: string) =>
  `${svc} (deployment ${depId}) deployment failed: tasks failed to start.`;
export const rollingBack = (depId: string) => `${svc} rolling back to deployment ${depId}.`;
export const updatedService = (depId: string, ref: TaskDefRef, who: string) =>
  `${svc} updated by ${who}: (deployment ${depId}) started for task definition ${refKey(ref)}.`;

export const inProgressReason = (depId: string) => `ECS deployment ${depId} in progress.`;
export const completedReason = (depId: string) => `ECS deployment ${depId} completed.`;
export const breakerReason = 'ECS deployment circuit breaker: tasks failed to start.';
export const breakerRollbackReason =
  'Service deployment rolled back because the circuit breaker threshold was exceeded.';

export const scaleInReason = (depId: string) => `Scaling activity initiated by (deployment ${depId})`;

/** The classic release-day failure: the new revision references a secret the execution role cannot read. */
export const secretsReason = (suffix: string) =>
  'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ' +
  'unable to retrieve secret from asm: service call has been retried 1 time(s): AccessDeniedException: ' +
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/web-task-execution-role/${suffix} is not authorized to perform: ` +
  `secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/payments-api-key-Q7fLx2 ` +
  'because no identity-based policy allows the secretsmanager:GetSecretValue action';
export const essentialExitReason = 'Essential container in task exited';
