// The release's tasks as the Tasks view lists them, and its target groups' health as the load
// balancer sees it. Shapes only; backends fill them.
import type { TaskDefRef } from './model.js';

export interface TaskContainer {
  name: string;
  lastStatus?: string;
  /** HEALTHY, UNHEALTHY, UNKNOWN (container health check). */
  health?: string;
  exitCode?: number;
  reason?: string;
}

export interface TaskInfo {
  /** The last part of the task ARN. */
  id: string;
  arn: string;
  taskDefinition: TaskDefRef;
  availabilityZone?: string;
  lastStatus: string;
  desiredStatus?: string;
  /** Task health: HEALTHY, UNHEALTHY, UNKNOWN. */
  health?: string;
  startedAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  stopCode?: string;
  containers: TaskContainer[];
  /** Utilisation from Container Insights (enhanced observability), percent of the task's reservation; absent when it is off. */
  cpuPct?: number;
  memoryPct?: number;
}

export interface TasksPage {
  /** Running and recently stopped tasks of the service, newest started first. */
  tasks: TaskInfo[];
  /** Whether per-task CPU and memory could be read (Container Insights on). */
  insights: boolean;
}

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';

export interface TargetHealthInfo {
  /** Instance id or IP address. */
  id: string;
  port?: number;
  availabilityZone?: string;
  state: TargetState;
  /** e.g. Target.ResponseCodeMismatch */
  reason?: string;
  description?: string;
}

export interface TargetGroupHealth {
  targetGroupArn: string;
  /** The name part of the ARN. */
  name: string;
  targets: TargetHealthInfo[];
}
