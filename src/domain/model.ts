// src/domain — what shipwatch knows about a release, with no I/O: the model (service, deployments,
// alarms, metrics, logs, checklist steps), the backend port (backend.ts) both adapters implement, and
// the rules that are pure functions of the model: rollback planning, the verdict, alarm changes, the
// release record, log-line rules, sanitising outside text, units. Imports nothing of the app (lint:
// no other src/ folder, no SDK, no React, no node: modules); every other layer may import it.
//
// Domain types shared by every backend (demo, AWS) and every pane.
// Times are epoch milliseconds on the backend's clock (the demo's clock runs faster than wall time).

export type DeploymentStatus = 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** A task definition revision, e.g. family "web", revision 42. */
export interface TaskDefRef {
  family: string;
  revision: number;
}

export interface ContainerInfo {
  name: string;
  image: string;
  /** The part of the image after the last ':' (or '@sha…' digest), "latest" when absent. */
  imageTag: string;
  envNames: string[];
  /** The whole definition, for the task-definition diff; absent where a backend does not read it. */
  detail?: ContainerDetail;
}

/** What a rollback would change in a container besides its image (ECS ContainerDefinition). */
export interface ContainerDetail {
  /** Environment values by name, as registered (the UI masks names that look secret). */
  env: Record<string, string>;
  /** Secret names only (their valueFrom is an ARN, not the value). */
  secrets: string[];
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  essential?: boolean;
  command?: string[];
  entryPoint?: string[];
  healthCheck?: { command: string[]; intervalS?: number; timeoutS?: number; retries?: number; startPeriodS?: number };
  ports: { containerPort?: number; hostPort?: number; protocol?: string }[];
}

/** A container's image as a service revision ran it (ECS resolves each tag to a digest per service revision). */
export interface ContainerImage {
  /** The container's name in the task definition. */
  container: string;
  /** The image as the task definition names it, e.g. `registry/web:v1.4.0`. */
  image: string;
  /** What the tag resolved to, `sha256:` and 64 hex digits; absent when ECS did not say. */
  digest?: string;
}

export interface TaskDefinitionInfo extends TaskDefRef {
  arn: string;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  containers: ContainerInfo[];
  registeredAt?: number;
  /** awslogs group of the first container that has one. */
  logGroup?: string;
  /** Task-level size, as ECS gives it ("512", "1 vCPU"). */
  cpu?: string;
  memory?: string;
}

export interface Deployment {
  id: string;
  status: DeploymentStatus;
  taskDefinition: TaskDefRef;
  /** Image tags of the task definition's containers, in container order. */
  imageTags: string[];
  desired: number;
  running: number;
  pending: number;
  failed: number;
  rolloutState?: RolloutState;
  rolloutStateReason?: string;
  createdAt: number;
  updatedAt: number;
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface StoppedTask {
  taskArn: string;
  taskDefinition: TaskDefRef;
  stoppedReason: string;
  stopCode?: string;
  stoppedAt: number;
}

/** ECS service-deployment statuses (ListServiceDeployments / DescribeServiceDeployments). */
export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export interface ServiceDeploymentInfo {
  arn: string;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  /** e.g. BAKE_TIME, SCALE_UP, TEST_TRAFFIC_SHIFT, CLEAN_UP */
  lifecycleStage?: string;
  /** The revisions that were serving when this deployment started. */
  sourceRevisions: TaskDefRef[];
  targetRevision: TaskDefRef;
  circuitBreaker?: { status: string; failureCount: number; threshold: number };
  alarms?: { status: string; alarmNames: string[]; triggeredAlarmNames: string[] };
  createdAt: number;
  finishedAt?: number;
}

export interface ServiceSnapshot {
  cluster: string;
  service: string;
  serviceArn?: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  deployments: Deployment[];
  /** Newest first. */
  events: ServiceEvent[];
  /** Newest first. */
  stoppedTasks: StoppedTask[];
  /** Newest first; empty when the service-deployment API is unavailable. */
  serviceDeployments: ServiceDeploymentInfo[];
  serviceDeploymentsAvailable: boolean;
  /** Task definitions of the deployments and of the rollback candidates, keyed "family:revision". */
  taskDefinitions: Record<string, TaskDefinitionInfo>;
  /** Every known revision of the family with its status; order not guaranteed. */
  familyRevisions: { revision: number; status: TaskDefinitionInfo['status'] }[];
  /** Keyed "family:revision": the images (with digests) of the newest service revision that ran it, and that revision's createdAt; absent when not known. */
  servedImages?: Record<string, { images: ContainerImage[]; at?: number }>;
  hasLoadBalancer: boolean;
  /** The service's target groups (ELBv2), for the load balancer metrics' dimensions. */
  loadBalancers?: ServiceLoadBalancer[];
  /** What the adapter could not read and why (an optional call denied or failing), for the screen. */
  notes?: string[];
}

export interface ServiceLoadBalancer {
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName?: string;
}

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface Alarm {
  name: string;
  kind: 'metric' | 'composite';
  state: AlarmState;
  reason: string;
  stateUpdatedAt: number;
  /** What it watches, for the detail view: e.g. `AWS/ApplicationELB HTTPCode_Target_5XX_Count Sum`, dimensions. */
  metric?: { namespace: string; name: string; stat?: string; dimensions: Record<string, string> };
  threshold?: number;
  /** e.g. GreaterThanThreshold */
  comparison?: string;
  /** e.g. `3 of 3 periods of 60 s` */
  evaluation?: string;
  description?: string;
}

/** One state change of an alarm (DescribeAlarmHistory, HistoryItemType StateUpdate). */
export interface AlarmTransition {
  at: number;
  from?: AlarmState;
  to: AlarmState;
  reason: string;
}

export interface MetricPoint {
  t: number;
  v: number;
}

export interface MetricSeries {
  id: string;
  label: string;
  unit: string;
  /** Points over the watch window, oldest first. */
  points: MetricPoint[];
  current?: number;
  threshold?: number;
  /** Average of the same series over the same length of time before the release started. */
  baseline?: number;
  /**
   * The series' points before T+0, oldest first: at least as long a stretch as the window so far
   * when the history exists. The release verdict's rank test compares `points` with these.
   */
  baselinePoints?: MetricPoint[];
  /** The target group a load-balancer series belongs to (its name), when the service has several. */
  targetGroup?: string;
}

export interface DailyCost {
  date: string; // YYYY-MM-DD
  total: number;
  byService: { service: string; amount: number }[];
}

export interface CostSummary {
  currency: string;
  days: DailyCost[]; // oldest first, last 7 days, the last one is today (partial)
  monthToDate: number;
  forecastMonth?: number;
  expectedDaily?: { min: number; max: number };
}

export interface LogEvent {
  id: string;
  timestamp: number;
  stream: string;
  /** Already sanitised: no control characters. */
  message: string;
  level: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
}

export interface Identity {
  account: string;
  arn: string;
  region: string;
}

export type ChecklistPhase = 'pre' | 'deploy' | 'post';
export type ChecklistKind =
  | 'http'
  | 'command'
  | 'ecs-steady'
  | 'alarms-ok'
  | 'no-log-errors'
  | 'metric-below'
  | 'cost-within'
  | 'verdict'
  | 'wait'
  | 'manual';
export type StepStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

export interface HttpStepSpec {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  expect: {
    /** Default: any 2xx. */
    status?: number;
    /** JSON paths like `status` or `checks.db.state` (dots, [n] for arrays) that must equal a value. */
    json?: { path: string; equals: string | number | boolean | null }[];
    /** A JSON list at `path` (e.g. `networks` of /supported) that must contain every member. */
    listContains?: { path: string; members: (string | number)[] }[];
  };
}

export interface CommandStepSpec {
  /** Run by /bin/sh -c, in its own process group so cancel and timeout stop everything it started. */
  run: string;
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs: number;
  expect: {
    /** Default 0. */
    exitCode?: number;
    /** Must match stdout+stderr. */
    outputRegex?: string;
    /** Output must be empty (whitespace ignored). */
    emptyOutput?: boolean;
  };
}

export interface ChecklistStepDef {
  id: string;
  title: string;
  phase: ChecklistPhase;
  kind: ChecklistKind;
  /** Built-in kinds' parameters, e.g. {metric: 'p99', below: 500}, {minutes: 5, pattern: 'timeout'}, wait {minutes: 10}. */
  params?: Record<string, string | number>;
  http?: HttpStepSpec;
  command?: CommandStepSpec;
  /** Unfilled placeholders (e.g. `v1.X.Y`, `<cluster>`): the step is shown, never run, until they are filled. */
  placeholders?: string[];
  /** Where an imported step came from, for the on-call to check against the runbook. */
  source?: { file: string; line: number };
  /** Free text kept from the runbook (manual steps, expectations not understood). */
  note?: string;
}

export interface StepResult {
  status: StepStatus;
  startedAt?: number;
  finishedAt?: number;
  output?: string;
}

export interface RollbackRequest {
  cluster: string;
  service: string;
  from: TaskDefRef;
  to: TaskDefRef;
  method: 'stop-service-deployment' | 'update-service';
  serviceDeploymentArn?: string;
  /** `to` is a copy of this revision with its images pinned by digest (the safe path for a mutable tag). */
  pinnedFrom?: TaskDefRef;
}

export interface RollbackResult {
  method: RollbackRequest['method'];
  deploymentId?: string;
  /** The call's answer was lost, and reading the service back showed it took effect. */
  answer?: 'lost';
}

/** The revision a pin registered; `answer: 'lost'` when it was found by reading the family back. */
export interface PinResult extends TaskDefRef {
  answer?: 'lost';
}

export const refKey = (r: TaskDefRef): string => `${r.family}:${r.revision}`;
