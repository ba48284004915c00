// getTargetHealth against moto over real HTTP: DescribeTargetHealth per target group, mapped with
// the state's reason and description. moto differs from AWS: every registered IP target is healthy
// at once (no initial checks), a deregistered one disappears at once (no draining), and it gives no
// availability zone; a stopped EC2 instance is its one target with a reason (unused, Target.InvalidState).
import { RegisterTargetsCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClients } from '../../src/adapters/aws/clients.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import {
  elbClient,
  runInstance,
  seedAlb,
  seededBackendOptions,
  stopInstance,
  type SeededAlb,
} from '../helpers/seedAws.js';

const signal = new AbortController().signal;
let moto: Moto;
let elb: ElasticLoadBalancingV2Client;
let backend: AwsBackend;
/** ELB operations the backend sent, in order. */
let sent: string[] = [];
let alb: SeededAlb;

beforeAll(async () => {
  Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  moto = await startMoto();
  elb = elbClient(moto);
  const clients = createClients({ region: 'us-east-1', endpoint: moto.endpoint });
  clients.elb.middlewareStack.add(
    (next, ctx) => async (args) => {
      sent.push(String(ctx.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordSends' },
  );
  backend = new AwsBackend(clients, seededBackendOptions(moto.endpoint));
});
afterAll(async () => {
  backend?.close();
  elb?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  alb = await seedAlb(moto, ['web-tg', 'web-admin']);
  const [web, admin] = alb.targetGroups;
  await elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: web!.arn,
      Targets: [
        { Id: '10.0.1.17', Port: 8080 },
        { Id: '10.0.2.41', Port: 8080 },
      ],
    }),
  );
  const instance = await runInstance(moto);
  await elb.send(new RegisterTargetsCommand({ TargetGroupArn: admin!.arn, Targets: [{ Id: instance, Port: 9090 }] }));
  await stopInstance(moto, instance);
  sent = [];
});

describe('getTargetHealth against moto', () => {
  it('reads each target group once, in the service order, named from its ARN, with reasons', async () => {
    const [web, admin] = alb.targetGroups;
    const health = await backend.getTargetHealth(
      [
        { targetGroupArn: web!.arn, containerName: 'web' },
        { targetGroupArn: admin!.arn, containerName: 'admin' },
        // The same group behind a second container port, and a Classic Load Balancer: neither is asked.
        { targetGroupArn: web!.arn, containerName: 'web' },
        { loadBalancerName: 'legacy-elb', containerName: 'web' },
      ],
      signal,
    );
    expect(sent).toEqual(['DescribeTargetHealthCommand', 'DescribeTargetHealthCommand']);
    expect(health.map((g) => [g.name, g.targetGroupArn])).toEqual([
      ['web-tg', web!.arn],
      ['web-admin', admin!.arn],
    ]);
    expect(health[0]!.targets).toEqual([
      { id: '10.0.1.17', port: 8080, state: 'healthy' },
      { id: '10.0.2.41', port: 8080, state: 'healthy' },
    ]);
    expect(health[1]!.targets).toEqual([
      {
        id: expect.stringMatching(/^i-[0-9a-f]+$/),
        port: 9090,
        state: 'unused',
        reason: 'Target.InvalidState',
        description: 'Target is in the stopped state',
      },
    ]);
  });

  it('asks nothing for a service without target groups', async () => {
    expect(await backend.getTargetHealth([], signal)).toEqual([]);
    expect(await backend.getTargetHealth([{ loadBalancerName: 'legacy-elb' }], signal)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('a target group that is gone fails the read in one line naming the IAM action', async () => {
    const gone = alb.targetGroups[0]!.arn.replace('web-tg', 'web-old');
    await expect(backend.getTargetHealth([{ targetGroupArn: gone }], signal)).rejects.toThrow(
      /^elasticloadbalancing:DescribeTargetHealth: TargetGroupNotFound(Exception)?: One or more target groups not found$/,
    );
  });
});
