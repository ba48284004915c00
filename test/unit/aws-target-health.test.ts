// DescribeTargetHealth → TargetGroupHealth on the shapes AWS answers (states moto never reports:
// initial, draining, unhealthy with their reasons), and the IAM action each new read names when denied.
import { ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createClients } from '../../src/adapters/aws/clients.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { mapTargetGroupHealth } from '../../src/adapters/aws/targetHealth.js';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';
const signal = new AbortController().signal;
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const ecsMock = mockClient(ECSClient);
afterEach(() => {
  elbMock.reset();
  ecsMock.reset();
});

const target = (Id: string, State: string, Reason?: string, Description?: string): TargetHealthDescription => ({
  Target: { Id, Port: 8080, AvailabilityZone: 'us-east-1a' },
  HealthCheckPort: '8080',
  TargetHealth: { State: State as never, Reason: Reason as never, Description },
});

describe('mapTargetGroupHealth', () => {
  it("names the group from its ARN and keeps each target's state, reason and description", () => {
    expect(
      mapTargetGroupHealth(TG, [
        target('10.0.1.17', 'healthy'),
        target('10.0.2.41', 'unhealthy', 'Target.ResponseCodeMismatch', 'Health checks failed with these codes: [502]'),
        target('10.0.3.9', 'draining', 'Target.DeregistrationInProgress', 'Target deregistration is in progress'),
        target('10.0.1.88', 'initial', 'Elb.InitialHealthChecking', 'Initial health checks in progress'),
      ]),
    ).toEqual({
      targetGroupArn: TG,
      name: 'web-tg',
      targets: [
        { id: '10.0.1.17', port: 8080, availabilityZone: 'us-east-1a', state: 'healthy' },
        {
          id: '10.0.2.41',
          port: 8080,
          availabilityZone: 'us-east-1a',
          state: 'unhealthy',
          reason: 'Target.ResponseCodeMismatch',
          description: 'Health checks failed with these codes: [502]',
        },
        {
          id: '10.0.3.9',
          port: 8080,
          availabilityZone: 'us-east-1a',
          state: 'draining',
          reason: 'Target.DeregistrationInProgress',
          description: 'Target deregistration is in progress',
        },
        {
          id: '10.0.1.88',
          port: 8080,
          availabilityZone: 'us-east-1a',
          state: 'initial',
          reason: 'Elb.InitialHealthChecking',
          description: 'Initial health checks in progress',
        },
      ],
    });
  });

  it('reads a state it does not know as unavailable, and drops a target without an id', () => {
    const g = mapTargetGroupHealth('not-an-arn', [
      target('10.0.1.17', 'warming-up'),
      { TargetHealth: { State: 'healthy' } },
    ]);
    expect(g.name).toBe('not-an-arn');
    expect(g.targets.map((t) => [t.id, t.state])).toEqual([['10.0.1.17', 'unavailable']]);
  });
});

const denied = () =>
  Object.assign(new Error('User is not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
const backend = () =>
  new AwsBackend(createClients({ region: 'us-east-1' }), {
    cluster: 'prod',
    service: 'web',
    region: 'us-east-1',
    alarms: {},
    metrics: [],
    liveTail: false,
    watchWindowMs: 7_200_000,
  });

describe('the IAM actions the new reads name', () => {
  it('getTargetHealth: elasticloadbalancing:DescribeTargetHealth', async () => {
    elbMock.on(DescribeTargetHealthCommand).rejects(denied());
    const b = backend();
    try {
      await expect(b.getTargetHealth([{ targetGroupArn: TG }], signal)).rejects.toThrow(
        'elasticloadbalancing:DescribeTargetHealth: access denied — the IAM policy needs elasticloadbalancing:DescribeTargetHealth (see README)',
      );
    } finally {
      b.close();
    }
  });

  it('getTasks: ecs:ListTasks', async () => {
    ecsMock.on(ListTasksCommand).rejects(denied());
    const b = backend();
    try {
      await expect(b.getTasks(signal)).rejects.toThrow(
        'ecs:ListTasks: access denied — the IAM policy needs ecs:ListTasks (see README)',
      );
    } finally {
      b.close();
    }
  });
});
