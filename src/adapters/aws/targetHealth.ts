// Each of the service's target groups as its load balancer sees it: DescribeTargetHealth per target
// group (the API takes one group a call and has no paging), the calls side by side.
import {
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ServiceLoadBalancer } from '../../domain/model.js';
import type { TargetGroupHealth, TargetHealthInfo, TargetState } from '../../domain/tasks.js';
import { targetGroupName } from './metricQueries.js';

const STATES: ReadonlySet<string> = new Set(['initial', 'healthy', 'unhealthy', 'unused', 'draining', 'unavailable']);

/** Pure: one target group's answer → domain. A state this code does not know reads as unavailable. */
export function mapTargetGroupHealth(arn: string, descriptions: readonly TargetHealthDescription[]): TargetGroupHealth {
  return {
    targetGroupArn: arn,
    name: targetGroupName(arn) ?? arn,
    targets: descriptions.flatMap((d): TargetHealthInfo[] => {
      const id = d.Target?.Id;
      if (!id) return [];
      const state = d.TargetHealth?.State ?? '';
      return [
        {
          id,
          port: d.Target?.Port,
          availabilityZone: d.Target?.AvailabilityZone,
          state: (STATES.has(state) ? state : 'unavailable') as TargetState,
          reason: d.TargetHealth?.Reason,
          description: d.TargetHealth?.Description,
        },
      ];
    }),
  };
}

/** Every distinct target group once, in the service's order; none → no call. */
export async function readTargetHealth(
  elb: ElasticLoadBalancingV2Client,
  loadBalancers: readonly ServiceLoadBalancer[],
  signal: AbortSignal,
): Promise<TargetGroupHealth[]> {
  const arns = [...new Set(loadBalancers.flatMap((l) => (l.targetGroupArn ? [l.targetGroupArn] : [])))];
  return Promise.all(
    arns.map(async (arn) => {
      const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }), { abortSignal: signal });
      return mapTargetGroupHealth(arn, out.TargetHealthDescriptions ?? []);
    }),
  );
}
