// EcsReader against moto over real HTTP. moto differs from AWS where AWS-TESTBED.md says: one
// deployment per service that UpdateService changes in place, no events, no service-deployment APIs.
// And the changes (pinImages' RegisterTaskDefinition, rollback's UpdateService and
// StopServiceDeployment), each sent once: counted over real HTTP through a proxy that fails the
// change the way a retryable 5xx does.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EcsReader } from '../../src/adapters/aws/ecs.js';
import { pinImages } from '../../src/adapters/aws/ecsTaskDefs.js';
import { planRollback } from '../../src/domain/rollback.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

let moto: Moto;
let ecs: ECSClient;
const signal = new AbortController().signal;
let clock = 0;
const reader = () => new EcsReader(ecs, 'prod', 'web', { now: () => clock });

/** HTTP requests (every attempt, after the SDK's retries) by operation, since the last reset. */
let requests: string[] = [];
const tally = () => requests.reduce<Record<string, number>>((acc, op) => ({ ...acc, [op]: (acc[op] ?? 0) + 1 }), {});

beforeAll(async () => {
  moto = await startMoto();
  ecs = new ECSClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
  ecs.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    // The deserialize step runs once per HTTP attempt (inside the retry middleware).
    { step: 'deserialize', name: 'countRequests' },
  );
  await ecs.send(new ListClustersCommand({})); // moto loads ECS on first use (~1 s)
});
afterAll(() => moto?.stop());

beforeEach(async () => {
  await moto.reset();
  clock = 1_000_000;
  await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }));
  for (const rev of [1, 2, 3]) {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        containerDefinitions: [
          {
            name: 'web',
            image: `registry.example.com/web:v1.0.${rev}`,
            memory: 256,
            environment: [
              { name: 'PORT', value: '8080' },
              { name: 'RELEASE', value: `v1.0.${rev}` },
            ],
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' },
            },
          },
        ],
      }),
    );
  }
  await ecs.send(
    new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web:3', desiredCount: 3 }),
  );
  requests = [];
});

describe('EcsReader on moto', () => {
  it('maps the service, its deployment, task definitions and family; service deployments unavailable without an exception', async () => {
    const r = reader();
    const s = await r.getService(signal);
    expect(s).toMatchObject({
      cluster: 'prod',
      service: 'web',
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      status: 'ACTIVE',
      desired: 3,
      hasLoadBalancer: false,
      events: [],
      stoppedTasks: [],
      serviceDeployments: [],
      serviceDeploymentsAvailable: false,
    });
    expect(s.deployments).toEqual([
      expect.objectContaining({
        status: 'PRIMARY',
        taskDefinition: { family: 'web', revision: 3 },
        imageTags: ['v1.0.3'],
        desired: 3,
        pending: 3,
        rolloutState: 'IN_PROGRESS',
      }),
    ]);
    expect(Object.keys(s.taskDefinitions).sort()).toEqual(['web:1', 'web:2', 'web:3']);
    expect(s.taskDefinitions['web:3']).toMatchObject({
      status: 'ACTIVE',
      logGroup: '/ecs/web',
      containers: [
        { name: 'web', image: 'registry.example.com/web:v1.0.3', imageTag: 'v1.0.3', envNames: ['PORT', 'RELEASE'] },
      ],
    });
    expect([...s.familyRevisions].sort((a, b) => a.revision - b.revision)).toEqual(
      [1, 2, 3].map((revision) => ({ revision, status: 'ACTIVE' })),
    );
    expect(r.issues.list().map((i) => i.action)).toEqual(['ecs:ListServiceDeployments']);
    expect(planRollback(s, { phase: 'idle' }, false).request).toMatchObject({
      method: 'update-service',
      to: { family: 'web', revision: 2 },
    });
  });

  it('sees a deregistered revision as INACTIVE at the next family listing (at most a minute later)', async () => {
    const r = reader();
    await r.getService(signal);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:2' }));
    clock += 5_000;
    expect((await r.getService(signal)).familyRevisions).toContainEqual({ revision: 2, status: 'ACTIVE' }); // cached listing
    clock += 60_000;
    const s = await r.getService(signal);
    expect(s.familyRevisions).toContainEqual({ revision: 2, status: 'INACTIVE' });
    expect(planRollback(s, { phase: 'idle' }, false).target?.ref).toEqual({ family: 'web', revision: 1 });
  });

  it("lists stopped tasks with their stoppedReason, not other services' tasks", async () => {
    const run = (group: string) =>
      ecs.send(
        new RunTaskCommand({
          cluster: 'prod',
          taskDefinition: 'web:3',
          launchType: 'FARGATE',
          group,
          startedBy: 'ecs-svc/1',
        }),
      );
    const [ours, theirs] = [
      (await run('service:web')).tasks![0]!.taskArn!,
      (await run('service:api')).tasks![0]!.taskArn!,
    ];
    await ecs.send(
      new StopTaskCommand({
        cluster: 'prod',
        task: ours,
        reason: 'ResourceInitializationError: unable to pull secrets',
      }),
    );
    await ecs.send(
      new StopTaskCommand({
        cluster: 'prod',
        task: theirs,
        reason: 'Scaling activity initiated by (deployment ecs-svc/2)',
      }),
    );
    const s = await reader().getService(signal);
    expect(s.stoppedTasks).toEqual([
      {
        taskArn: ours,
        taskDefinition: { family: 'web', revision: 3 },
        stoppedReason: 'ResourceInitializationError: unable to pull secrets',
        stopCode: undefined,
        stoppedAt: clock,
      },
    ]);
  });

  it('a missing or deleted service is a clear error', async () => {
    await expect(new EcsReader(ecs, 'prod', 'nope').getService(signal)).rejects.toThrow(
      'service nope not found in cluster prod',
    );
    await ecs.send(new DeleteServiceCommand({ cluster: 'prod', service: 'web', force: true }));
    await expect(reader().getService(signal)).rejects.toThrow('service web not found in cluster prod');
  });

  it('an aborted read rejects as an abort, not as a degraded snapshot', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(reader().getService(ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rollback by UpdateService moves the service to the target; the service-level value is PRIMARY', async () => {
    const r = reader();
    const result = await r.rollback({
      cluster: 'prod',
      service: 'web',
      from: { family: 'web', revision: 3 },
      to: { family: 'web', revision: 2 },
      method: 'update-service',
    });
    expect(result.method).toBe('update-service');
    const raw = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]!;
    expect(raw.taskDefinition).toMatch(/web:2$/);
    // moto keeps its one deployment on web:3; AWS would show a new PRIMARY on web:2.
    expect(raw.deployments![0]!.taskDefinition).toMatch(/web:3$/);
    const s = await r.getService(signal);
    expect(s.deployments[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: { family: 'web', revision: 2 },
      imageTags: ['v1.0.2'],
    });
  });

  it('keeps the poll cheap: requests per getService, first and steady state', async () => {
    const r = reader();
    await r.getService(signal);
    // ListServiceDeployments: moto's 500 is retried by the SDK (3 attempts), then remembered as unavailable.
    expect(tally()).toEqual({
      DescribeServices: 1,
      ListTaskDefinitions: 2,
      DescribeTaskDefinition: 3,
      ListTasks: 1,
      ListServiceDeployments: 3,
    });
    for (const step of [5_000, 5_000, 5_000]) {
      requests = [];
      clock += step;
      await r.getService(signal);
      expect(tally()).toEqual({ DescribeServices: 1, ListTasks: 1 });
    }
    requests = [];
    clock += 60_000;
    await r.getService(signal);
    expect(tally()).toEqual({ DescribeServices: 1, ListTasks: 1, ListTaskDefinitions: 2 });
  });
});

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const credentials = {
  accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
  secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
};
const describeTd = async (taskDefinition: string) =>
  ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));

describe('pinImages on moto', () => {
  it('registers a copy of a seeded revision with the image pinned by digest, under a new revision number', async () => {
    const pinned = await pinImages(ecs, { family: 'web', revision: 2 }, [
      { container: 'web', image: 'registry.example.com/web:v1.0.2', digest: DIGEST },
    ]);
    expect(pinned).toEqual({ family: 'web', revision: 4 });
    const [before, after] = [(await describeTd('web:2')).taskDefinition!, (await describeTd('web:4')).taskDefinition!];
    expect(after.containerDefinitions![0]!.image).toBe(`registry.example.com/web@${DIGEST}`);
    // Everything else about the container is the seeded revision's.
    const { image: _a, ...rest } = after.containerDefinitions![0]!;
    const { image: _b, ...seeded } = before.containerDefinitions![0]!;
    expect(rest).toEqual(seeded);
    expect(rest).toMatchObject({
      memory: 256,
      environment: [
        { name: 'PORT', value: '8080' },
        { name: 'RELEASE', value: 'v1.0.2' },
      ],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
    });
    // The source revision is untouched, and the reader shows the new one with its digest as the tag.
    expect(before.containerDefinitions![0]!.image).toBe('registry.example.com/web:v1.0.2');
    const s = await reader().getService(signal);
    expect(s.familyRevisions).toContainEqual({ revision: 4, status: 'ACTIVE' });
  });

  it('copies the task-level fields and the tags (a Fargate revision with roles)', async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
        executionRoleArn: 'arn:aws:iam::123456789012:role/web-exec',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        volumes: [{ name: 'scratch' }],
        ephemeralStorage: { sizeInGiB: 30 },
        runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
        tags: [{ key: 'team', value: 'payments' }],
        containerDefinitions: [
          { name: 'web', image: 'host:5000/team/web:latest', essential: true },
          { name: 'log-router', image: 'fluent/fluent-bit:2.2', essential: false },
        ],
      }),
    );
    const pinned = await pinImages(ecs, { family: 'web', revision: 4 }, [
      { container: 'web', image: 'host:5000/team/web:latest', digest: DIGEST },
    ]);
    expect(pinned).toEqual({ family: 'web', revision: 5 });
    const [src, out] = [await describeTd('web:4'), await describeTd('web:5')];
    expect(out.taskDefinition!.containerDefinitions!.map((c) => c.image)).toEqual([
      `host:5000/team/web@${DIGEST}`,
      'fluent/fluent-bit:2.2',
    ]);
    expect(out.tags).toEqual([{ key: 'team', value: 'payments' }]);
    const fields = [
      'taskRoleArn',
      'executionRoleArn',
      'networkMode',
      'requiresCompatibilities',
      'cpu',
      'memory',
      'volumes',
      'ephemeralStorage',
      'runtimePlatform',
    ] as const;
    const pick = (td: typeof src.taskDefinition) => Object.fromEntries(fields.map((f) => [f, td![f]]));
    expect(pick(out.taskDefinition)).toEqual(pick(src.taskDefinition));
    expect(pick(out.taskDefinition)).toMatchObject({ networkMode: 'awsvpc', cpu: '256', memory: '512' });
  });
});

/**
 * A proxy in front of moto that answers `failing` with a 500 (a server error the SDK retries) and
 * forwards everything else; it records every HTTP request by operation, i.e. every attempt.
 */
async function failingProxy(failing: string) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop()!;
      seen.push(op);
      if (op === failing) {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'ServerException', message: 'internal error' }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>;
      fetch(`${moto.endpoint}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) })
        .then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch((e: Error) => res.writeHead(502).end(e.message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The adapter's own client settings (clients.ts): standard retries, 3 attempts.
  const client = new ECSClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials,
    maxAttempts: 3,
  });
  const close = () => {
    client.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { client, seen, close };
}

describe('changes are sent once', () => {
  const image = [{ container: 'web', image: 'registry.example.com/web:v1.0.2', digest: DIGEST }];
  /** No wait between a lost answer and the read-back: moto is consistent at once. */
  const mutation = { readBackDelaysMs: [0] };
  const rollback = {
    cluster: 'prod',
    service: 'web',
    from: { family: 'web', revision: 3 },
    to: { family: 'web', revision: 2 },
  };
  const count = (seen: string[], op: string) => seen.filter((s) => s === op).length;

  it('a RegisterTaskDefinition that fails with a 5xx is not sent again (each attempt would register a revision)', async () => {
    const proxy = await failingProxy('RegisterTaskDefinition');
    try {
      const e = await pinImages(proxy.client, { family: 'web', revision: 2 }, image, { mutation }).catch(
        (x: unknown) => x,
      );
      // A 5xx does not say whether it registered: the family is read back, and web:3 is not the copy.
      expect(e).toMatchObject({ applied: 'not-applied', answer: 'lost', cause: { name: 'ServerException' } });
      expect(count(proxy.seen, 'RegisterTaskDefinition')).toBe(1);
      expect(proxy.seen).toEqual([
        'DescribeTaskDefinition',
        'RegisterTaskDefinition',
        'ListTaskDefinitions',
        'DescribeTaskDefinition',
      ]);
    } finally {
      await proxy.close();
    }
    const listed = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }));
    expect(listed.taskDefinitionArns).toHaveLength(3);
  });

  it('an UpdateService that fails with a 5xx is not sent again (each attempt would force a new deployment)', async () => {
    const proxy = await failingProxy('UpdateService');
    try {
      const r = new EcsReader(proxy.client, 'prod', 'web', { mutation });
      const e = await r.rollback({ ...rollback, method: 'update-service' }).catch((x: unknown) => x);
      expect(e).toMatchObject({ applied: 'not-applied', answer: 'lost' });
      expect(count(proxy.seen, 'UpdateService')).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('a StopServiceDeployment that fails with a 5xx is not sent again', async () => {
    const proxy = await failingProxy('StopServiceDeployment');
    try {
      const r = new EcsReader(proxy.client, 'prod', 'web', { mutation });
      const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc';
      const e = await r
        .rollback({ ...rollback, method: 'stop-service-deployment', serviceDeploymentArn: arn })
        .catch((x: unknown) => x);
      // moto has no DescribeServiceDeployments and the service is still on web:3: nobody can tell.
      expect(e).toMatchObject({ applied: 'unknown', answer: 'lost' });
      expect(count(proxy.seen, 'StopServiceDeployment')).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('while the same 5xx on a read is retried: the client does retry, only the changes are exempt', async () => {
    const proxy = await failingProxy('DescribeTaskDefinition');
    try {
      await expect(pinImages(proxy.client, { family: 'web', revision: 2 }, image)).rejects.toThrow(
        'ecs:DescribeTaskDefinition: ServerException: internal error',
      );
      expect(proxy.seen).toEqual(['DescribeTaskDefinition', 'DescribeTaskDefinition', 'DescribeTaskDefinition']);
    } finally {
      await proxy.close();
    }
  });
});
