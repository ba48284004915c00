// One set of SDK clients per run. Credentials come from the SDK's default chain (environment,
// shared config and SSO via `profile`, the instance role on a bastion); endpoints from
// --endpoint-url or the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { timeoutsFromEnv, withDeadlines, type RequestTimeouts } from './deadlines.js';

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
  /** Default: deadlines.ts DEFAULT_TIMEOUTS, scaled by SHIPWATCH_REQUEST_TIMEOUT_MS when set. */
  timeouts?: RequestTimeouts;
}

/** Cost Explorer has one endpoint, in us-east-1, whatever region the service runs in. */
export const COST_EXPLORER_REGION = 'us-east-1';
/** One attempt: a retried Cost Explorer call is another $0.01. */
export const COST_EXPLORER_MAX_ATTEMPTS = 1;

export function createClients({ region, profile, endpoint, timeouts }: ClientOptions): AwsClients {
  const t = timeouts ?? timeoutsFromEnv(process.env);
  // The SDK retries throttling, resets and 5xx itself (standard mode, 3 attempts; Cost Explorer 1) within the call's
  // deadline; the poller backs off on top of that per source, so one slow API never stalls the others.
  // Each attempt's answer deadline is set per call (deadlines.ts): a change's is longer than a read's.
  const base = () => ({
    region,
    profile,
    endpoint,
    maxAttempts: 3,
    // Without a connect timeout an attempt waits for the OS: minutes for a black-holed address.
    requestHandler: new NodeHttpHandler({ connectionTimeout: t.connectMs, throwOnRequestTimeout: true }),
  });
  // Each client is built on first use: the first frame needs ECS only, and building the six at start
  // (config resolution, middleware stacks) held the first request back by ~30 ms.
  const clients = {
    ecs: () => withDeadlines(new ECSClient(base()), 'ecs', t),
    cloudwatch: () => withDeadlines(new CloudWatchClient(base()), 'cloudwatch', t),
    logs: () => withDeadlines(new CloudWatchLogsClient(base()), 'logs', t),
    // Every Cost Explorer request is billed ($0.01): never retried by the SDK. A failure shows in the
    // Cost pane and the next try is the reader's (cost.ts), not a retry seconds later.
    costExplorer: () =>
      withDeadlines(
        new CostExplorerClient({ ...base(), region: COST_EXPLORER_REGION, maxAttempts: COST_EXPLORER_MAX_ATTEMPTS }),
        'ce',
        t,
      ),
    sts: () => withDeadlines(new STSClient(base()), 'sts', t),
    elb: () => withDeadlines(new ElasticLoadBalancingV2Client(base()), 'elasticloadbalancing', t),
  };
  const built: { destroy(): void }[] = [];
  const out = {} as AwsClients;
  for (const [name, make] of Object.entries(clients)) {
    let client: { destroy(): void } | undefined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        if (!client) built.push((client = make()));
        return client;
      },
    });
  }
  builtClients.set(out, built);
  return out;
}

const builtClients = new WeakMap<AwsClients, { destroy(): void }[]>();

/** Closes the clients that were built; one never used is not built to be closed. */
export function destroyClients(c: AwsClients): void {
  for (const client of builtClients.get(c) ?? Object.values(c)) client.destroy();
}
