// What `shipwatch init` found out about one service through read-only calls, before it writes a
// config entry. Plain data: the AWS adapter fills it, the config layer renders it, the CLI prints it.
// Strings are AWS's own, unsanitised: an alarm name must be written to the config exactly as AWS
// spells it or `alarms.names` would not match it. Whoever prints them sanitises them (the CLI does).
import type { TaskDefRef } from './model.js';

export interface DiscoveredContainer {
  name: string;
  /** `logConfiguration.logDriver`, e.g. awslogs, firelens. */
  logDriver?: string;
  /** `awslogs-group`. */
  logGroup?: string;
  /** `awslogs-region`, when set: logs then live in that region, not necessarily the service's. */
  logRegion?: string;
}

export interface DiscoveredTargetGroup {
  arn: string;
  name: string;
  /** The `TargetGroup` dimension CloudWatch uses: `targetgroup/<name>/<id>`. */
  dimension?: string;
  /** The `LoadBalancer` dimension of an Application Load Balancer: `app/<name>/<id>`. */
  loadBalancer?: string;
}

export interface DiscoveredAlarm {
  name: string;
  /** Why it was picked, e.g. `ServiceName=web, ClusterName=prod` or `TargetGroup=targetgroup/web/…`. */
  matched: string;
}

export interface Discovery {
  cluster: string;
  service: string;
  serviceArn?: string;
  status: string;
  /** The service's task definition (what new tasks start from). */
  taskDefinition?: TaskDefRef;
  /** The group the dashboard would follow: the first awslogs group among the containers. */
  logGroup?: string;
  containers: DiscoveredContainer[];
  targetGroups: DiscoveredTargetGroup[];
  /** Metric alarms whose dimensions name the service or one of its target groups, sorted by name. */
  alarms: DiscoveredAlarm[];
}
