// The fault proxy itself: it names operations in every protocol the app uses, passes requests to
// moto untouched, and applies each fault the way the SDK will meet it in the field.
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateClusterCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../helpers/moto.js';
import { withMotoBehindProxy } from '../helpers/motoProxy.js';

// Each client here is given its credentials; moto starts every test empty.
const { proxy } = withMotoBehindProxy({ credentialsEnv: false, seed: false });
const credentials = {
  accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
  secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
};
// One attempt, so each assertion sees exactly what the proxy did to one request.
const opts = () => ({ endpoint: proxy().url, region: 'us-east-1', credentials, maxAttempts: 1 });

describe('fault proxy', () => {
  it('forwards to moto and names JSON, query-compatible JSON and query operations', async () => {
    const ecs = new ECSClient(opts());
    await ecs.send(new CreateClusterCommand({ clusterName: 'c1' }));
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toHaveLength(1);
    await new CloudWatchClient(opts()).send(new DescribeAlarmsCommand({}));
    expect((await new STSClient(opts()).send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    expect(proxy().requests.map((r) => r.api)).toEqual([
      'ecs:CreateCluster',
      'ecs:ListClusters',
      'cloudwatch:DescribeAlarms',
      'sts:GetCallerIdentity',
    ]);
  });

  it('throttles in each protocol so the SDK sees a throttling error', async () => {
    proxy().setFaults([{ action: { kind: 'throttle' } }]);
    await expect(new ECSClient(opts()).send(new ListClustersCommand({}))).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(new CloudWatchClient(opts()).send(new DescribeAlarmsCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
    });
    await expect(new STSClient(opts()).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
    });
  });

  it('applies a fault to the matching operation only, `times` times', async () => {
    const ecs = new ECSClient(opts());
    proxy().setFaults([{ api: 'ListClusters', action: { kind: 'reset' }, times: 1 }]);
    await ecs.send(new CreateClusterCommand({ clusterName: 'c1' }));
    await expect(ecs.send(new ListClustersCommand({}))).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(ecs.send(new ListClustersCommand({}))).resolves.toBeDefined();
    expect(proxy().requests.map((r) => r.fault)).toEqual([undefined, 'reset', undefined]);
  });

  it('matches a RegExp against service:Operation', async () => {
    proxy().setFaults([{ api: /^sts:/, action: { kind: 'status', status: 403, body: '{}' } }]);
    await expect(new ECSClient(opts()).send(new ListClustersCommand({}))).resolves.toBeDefined();
    await expect(new STSClient(opts()).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('drop-response: the call takes effect upstream but its answer is lost', async () => {
    const ecs = new ECSClient(opts());
    proxy().setFaults([{ api: 'CreateCluster', action: { kind: 'drop-response' } }]);
    await expect(ecs.send(new CreateClusterCommand({ clusterName: 'lost' }))).rejects.toThrow();
    proxy().clear();
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:cluster/lost',
    ]);
  });

  it('hang: no answer until the caller gives up', async () => {
    proxy().setFaults([{ action: { kind: 'hang' } }]);
    const started = Date.now();
    await expect(
      new ECSClient(opts()).send(new ListClustersCommand({}), { abortSignal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('down: the connection closes with nothing said', async () => {
    proxy().setFaults([{ action: { kind: 'down' } }]);
    await expect(new ECSClient(opts()).send(new ListClustersCommand({}))).rejects.toThrow();
    expect(proxy().requests.at(-1)?.fault).toBe('down');
  });
});
