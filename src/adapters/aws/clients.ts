// One set of SDK clients per run. Credentials come from the SDK's default chain (environment,
// shared config and SSO via `profile`, the instance role on a bastion); endpoints from
// --endpoint-url or the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { STSClient } from '@aws-sdk/client-sts';

export interface AwsClients {
  ecs: ECSClient;
  cloudwatch: CloudWatchClient;
  logs: CloudWatchLogsClient;
  costExplorer: CostExplorerClient;
  sts: STSClient;
  elb: ElasticLoadBalancingV2Client;
}

export interface ClientOptions {
  region: string;
  profile?: string;
  endpoint?: string;
}

/** Cost Explorer has one endpoint, in us-east-1, whatever region the service runs in. */
export const COST_EXPLORER_REGION = 'us-east-1';

export function createClients({ region, profile, endpoint }: ClientOptions): AwsClients {
  // The SDK retries throttling and 5xx itself (standard mode, 3 attempts); the poller backs off
  // on top of that per source, so one slow API never stalls the others.
  const base = { region, profile, endpoint, maxAttempts: 3 };
  return {
    ecs: new ECSClient(base),
    cloudwatch: new CloudWatchClient(base),
    logs: new CloudWatchLogsClient(base),
    costExplorer: new CostExplorerClient({ ...base, region: COST_EXPLORER_REGION }),
    sts: new STSClient(base),
    elb: new ElasticLoadBalancingV2Client(base),
  };
}

export function destroyClients(c: AwsClients): void {
  for (const client of Object.values(c)) client.destroy();
}
