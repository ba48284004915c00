// EcsReader against aws-sdk-client-mock, for what moto lacks: service deployments and revisions (and
// the image digests they carry), StopServiceDeployment, paging and ordering of ListTaskDefinitions,
// access denied; and the AwsBackend's pinImages request and error naming (its single attempt over HTTP
// is counted in test/integration/ecs.test.ts: this mock replaces `send`, so it never sees SDK retries).
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ListTaskDefinitionsCommandInput,
  type ServiceDeployment,
  type Task,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClients } from '../../src/adapters/aws/clients.js';
import { EcsReader } from '../../src/adapters/aws/ecs.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { parseTaskDefRef } from '../../src/adapters/aws/ecsMap.js';
import { planRollback } from '../../src/domain/rollback.js';
import {
  at,
  digest,
  revisionArn,
  sdArn,
  sdkRevision,
  sdkService,
  sdkServiceDeployment,
  sdkStoppedTask,
  sdkTaskDef,
  taskArn,
  tdArn,
} from '../helpers/ecsFixtures.js';

const ecsMock = mockClient(ECSClient);
const client = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const signal = new AbortController().signal;
const idle = { phase: 'idle' } as const;
let clock = 0;
const reader = () => new EcsReader(client, 'prod', 'web', { now: () => clock });
const sdkError = (name: string, status = 400) =>
  Object.assign(new Error(`${name}: denied or unknown`), { name, $metadata: { httpStatusCode: status } });

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Requests made so far, by command name. */
function counts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of ecsMock.calls()) {
    const name = (c.args[0] as object).constructor.name.replace(/Command$/, '');
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}

interface World {
  serviceDeployments?: ServiceDeployment[];
  stopped?: Task[];
  active?: number[][]; // pages of ACTIVE revisions
  inactive?: number[];
}

function world({
  serviceDeployments = [sdkServiceDeployment('sd42')],
  stopped = [],
  active = [[42, 41, 40, 39, 38]],
  inactive = [],
}: World = {}) {
  ecsMock.on(DescribeServicesCommand).resolves({ services: [sdkService()], failures: [] });
  ecsMock.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => ({
    taskDefinition: sdkTaskDef(parseTaskDefRef(input.taskDefinition)!.revision),
  }));
  ecsMock.on(ListTaskDefinitionsCommand).callsFake((input: ListTaskDefinitionsCommandInput) => {
    if (input.status === 'INACTIVE') return { taskDefinitionArns: inactive.map((r) => tdArn(r)) };
    const page = Number(input.nextToken ?? 0);
    return {
      taskDefinitionArns: active[page]!.map((r) => tdArn(r)),
      nextToken: page + 1 < active.length ? String(page + 1) : undefined,
    };
  });
  ecsMock.on(ListTasksCommand).resolves({ taskArns: stopped.map((t) => t.taskArn!) });
  ecsMock
    .on(DescribeTasksCommand)
    .callsFake((input: { tasks: string[] }) => ({ tasks: stopped.filter((t) => input.tasks.includes(t.taskArn!)) }));
  ecsMock.on(ListServiceDeploymentsCommand).resolves({
    serviceDeployments: serviceDeployments.map((d) => ({
      serviceDeploymentArn: d.serviceDeploymentArn,
      createdAt: d.createdAt,
      status: d.status,
    })),
  });
  ecsMock.on(DescribeServiceDeploymentsCommand).callsFake((input: { serviceDeploymentArns: string[] }) => ({
    serviceDeployments: serviceDeployments.filter((d) => input.serviceDeploymentArns.includes(d.serviceDeploymentArn!)),
  }));
  ecsMock.on(DescribeServiceRevisionsCommand).callsFake((input: { serviceRevisionArns: string[] }) => ({
    serviceRevisions: input.serviceRevisionArns.map((arn) =>
      sdkRevision(arn.split('/').pop()!, Number(/rev(\d+)/.exec(arn)![1])),
    ),
  }));
}

beforeEach(() => {
  ecsMock.reset();
  clock = 1_000_000;
});

describe('service deployments', () => {
  it('maps an in-flight deployment with circuit-breaker failures and triggered alarms, and the planner stops it', async () => {
    world();
    const s = await reader().getService(signal);
    expect(s.serviceDeploymentsAvailable).toBe(true);
    expect(s.serviceDeployments).toEqual([
      expect.objectContaining({
        status: 'IN_PROGRESS',
        lifecycleStage: 'SCALE_UP',
        sourceRevisions: [{ family: 'web', revision: 41 }],
        targetRevision: { family: 'web', revision: 42 },
        circuitBreaker: { status: 'MONITORING', failureCount: 2, threshold: 3 },
        alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-5xx'] },
      }),
    ]);
    expect(Object.keys(s.taskDefinitions).sort()).toEqual(['web:39', 'web:40', 'web:41', 'web:42']);
    const plan = planRollback(s, idle, false);
    expect(plan.request).toMatchObject({
      method: 'stop-service-deployment',
      serviceDeploymentArn: sdArn('sd42'),
      to: { revision: 41 },
    });
    expect(plan.target?.imageTags).toEqual(['v1.41.0', 'latest']);
  });

  it('maps ROLLBACK_IN_PROGRESS so the planner refuses a second rollback', async () => {
    world({
      serviceDeployments: [
        sdkServiceDeployment('sd42', {
          status: 'ROLLBACK_IN_PROGRESS',
          statusReason: 'circuit breaker threshold exceeded',
          lifecycleStage: 'CLEAN_UP',
        }),
      ],
    });
    const s = await reader().getService(signal);
    expect(s.serviceDeployments[0]).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      statusReason: 'circuit breaker threshold exceeded',
      lifecycleStage: 'CLEAN_UP',
    });
    expect(planRollback(s, idle, false).refusal).toBe('ECS is already rolling back (ROLLBACK_IN_PROGRESS)');
  });

  it('orders newest first whatever the list order, and describes finished deployments only once', async () => {
    const old = sdkServiceDeployment('sd41', {
      status: 'SUCCESSFUL',
      createdAt: at(1),
      finishedAt: at(5),
      sourceServiceRevisions: [],
      targetServiceRevision: { arn: sdkRevision('rev41', 41).serviceRevisionArn },
    });
    world({ serviceDeployments: [old, sdkServiceDeployment('sd42')] });
    const r = reader();
    expect((await r.getService(signal)).serviceDeployments.map((d) => d.arn)).toEqual([sdArn('sd42'), sdArn('sd41')]);
    ecsMock.resetHistory();
    await r.getService(signal);
    expect(
      ecsMock.commandCalls(DescribeServiceDeploymentsCommand).map((c) => c.args[0].input.serviceDeploymentArns),
    ).toEqual([[sdArn('sd42')]]);
    expect(counts().DescribeServiceRevisions).toBeUndefined();
  });

  it.each([
    ['an API this endpoint lacks', sdkError('UnknownOperationException')],
    ['access denied', sdkError('AccessDeniedException')],
  ])('degrades on %s, remembers it for 10 minutes, then asks again', async (_what, err) => {
    world();
    ecsMock.on(ListServiceDeploymentsCommand).rejects(err);
    const r = reader();
    const s = await r.getService(signal);
    expect(s).toMatchObject({ serviceDeploymentsAvailable: false, serviceDeployments: [] });
    expect(planRollback(s, idle, false).request).toMatchObject({ method: 'update-service', to: { revision: 41 } });
    expect(r.issues.list()).toEqual([
      { action: 'ecs:ListServiceDeployments', message: expect.stringContaining('ecs:ListServiceDeployments') },
    ]);
    // and the screen is told: the snapshot carries the note the Deployments pane shows
    expect(s.notes).toEqual([expect.stringContaining('ecs:ListServiceDeployments')]);
    // what served is not known rather than known to be nothing
    expect(s.servedImages).toBeUndefined();
    clock += 9 * 60_000;
    await r.getService(signal);
    expect(counts().ListServiceDeployments).toBe(1);
    clock += 2 * 60_000;
    await r.getService(signal);
    expect(counts().ListServiceDeployments).toBe(2);
  });
});

describe('served images', () => {
  const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';

  it('keeps the digests DescribeServiceRevisions returns, the newest service revision per task definition, with no extra call', async () => {
    // web:41 ran twice: released at minute 1, redeployed by UpdateService at minute 5 after its
    // mutable tag was re-pushed. The redeploy is what last served, so its digest is the one to pin.
    const first = sdkServiceDeployment('sd41', {
      status: 'SUCCESSFUL',
      createdAt: at(1),
      finishedAt: at(3),
      sourceServiceRevisions: [{ arn: revisionArn('rev40') }],
      targetServiceRevision: { arn: revisionArn('rev41') },
    });
    const redeploy = sdkServiceDeployment('sd41b', {
      status: 'SUCCESSFUL',
      createdAt: at(5),
      finishedAt: at(7),
      sourceServiceRevisions: [{ arn: revisionArn('rev41') }],
      targetServiceRevision: { arn: revisionArn('rev41b') },
    });
    const current = sdkServiceDeployment('sd42', {
      sourceServiceRevisions: [{ arn: revisionArn('rev41b') }],
    });
    world({ serviceDeployments: [first, redeploy, current] });
    const revisions: Record<string, ReturnType<typeof sdkRevision>> = {
      rev40: sdkRevision('rev40', 40, { createdAt: undefined }),
      rev41: sdkRevision('rev41', 41, { createdAt: at(1) }),
      rev41b: sdkRevision('rev41b', 41, {
        createdAt: at(5),
        containerImages: [
          { containerName: 'web', image: `${ECR}:v1.41.0`, imageDigest: digest(0x4b) },
          // Passed on as AWS gave it: the one boundary that cleans outside text is the app's
          // (src/app/sanitizedBackend.ts, test/unit/sanitized-backend.test.ts), not each mapper.
          { containerName: 'side\u001b[2Jcar', image: 'otel\u0007/collector', imageDigest: digest(0xee) },
        ],
      }),
      rev42: sdkRevision('rev42', 42, { createdAt: at(10) }),
    };
    ecsMock.on(DescribeServiceRevisionsCommand).callsFake((input: { serviceRevisionArns: string[] }) => ({
      // Any order: the newest-wins rule must not depend on the answer's.
      serviceRevisions: [...input.serviceRevisionArns].reverse().map((arn) => revisions[arn.split('/').pop()!]!),
    }));
    const r = reader();
    const s = await r.getService(signal);
    expect(s.servedImages).toEqual({
      'web:40': {
        images: [
          { container: 'web', image: `${ECR}:v1.40.0`, digest: digest(40) },
          { container: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector', digest: digest(0xee) },
        ],
      },
      'web:41': {
        at: at(5).getTime(),
        images: [
          { container: 'web', image: `${ECR}:v1.41.0`, digest: digest(0x4b) },
          { container: 'side\u001b[2Jcar', image: 'otel\u0007/collector', digest: digest(0xee) },
        ],
      },
      'web:42': {
        at: at(10).getTime(),
        images: [
          { container: 'web', image: `${ECR}:v1.42.0`, digest: digest(42) },
          { container: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector', digest: digest(0xee) },
        ],
      },
    });
    expect(counts().DescribeServiceRevisions).toBe(1);
    // Later polls use the cached revisions: still no call for the images.
    ecsMock.resetHistory();
    clock += 5_000;
    expect((await r.getService(signal)).servedImages).toEqual(s.servedImages);
    expect(counts().DescribeServiceRevisions).toBeUndefined();
  });

  it('a revision without digests (ECS did not resolve them) keeps its images, without a digest', async () => {
    world();
    ecsMock.on(DescribeServiceRevisionsCommand).resolves({
      serviceRevisions: [
        sdkRevision('rev41', 41, { containerImages: [{ containerName: 'web', image: `${ECR}:v1.41.0` }] }),
        sdkRevision('rev42', 42, { containerImages: undefined }),
      ],
    });
    const s = await reader().getService(signal);
    expect(s.servedImages).toEqual({
      'web:41': { at: at(1).getTime(), images: [{ container: 'web', image: `${ECR}:v1.41.0` }] },
      'web:42': { at: at(2).getTime(), images: [] },
    });
  });
});

describe('pinImages (AwsBackend)', () => {
  const backend = () =>
    new AwsBackend(createClients({ region: 'us-east-1' }), {
      cluster: 'prod',
      service: 'web',
      region: 'us-east-1',
      liveTail: false,
      alarms: {},
      metrics: [],
      watchWindowMs: 2 * 3600_000,
      mutation: { readBackDelaysMs: [0] },
    });
  const web = (d = digest(41)) => ({
    container: 'web',
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.41.0',
    digest: d,
  });
  const fargate = sdkTaskDef(41, {
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/web-exec',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '256',
    memory: '512',
    volumes: [{ name: 'tmp' }],
    ephemeralStorage: { sizeInGiB: 30 },
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/deployer/ci',
  });

  it('DescribeTaskDefinition with tags, then RegisterTaskDefinition of a copy with the image pinned', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: fargate,
      tags: [
        { key: 'team', value: 'payments' },
        { key: 'aws:cloudformation:stack-name', value: 'web' },
      ],
    });
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: { ...fargate, taskDefinitionArn: tdArn(43), revision: 43 } });
    expect(await backend().pinImages({ family: 'web', revision: 41 }, [web()])).toEqual({
      family: 'web',
      revision: 43,
    });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)[0]!.args[0].input).toEqual({
      taskDefinition: 'web:41',
      include: ['TAGS'],
    });
    const [webDef, sidecar] = fargate.containerDefinitions!;
    // Fields ECS sets (status, revision, registeredAt/By, compatibilities, requiresAttributes) are not
    // accepted back; AWS's own `aws:` tags may not be set by anyone.
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input).toStrictEqual({
      family: 'web',
      containerDefinitions: [
        { ...webDef, image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${digest(41)}` },
        sidecar,
      ],
      taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/web-exec',
      networkMode: 'awsvpc',
      volumes: [{ name: 'tmp' }],
      placementConstraints: undefined,
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      pidMode: undefined,
      ipcMode: undefined,
      proxyConfiguration: undefined,
      inferenceAccelerators: undefined,
      ephemeralStorage: { sizeInGiB: 30 },
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      enableFaultInjection: undefined,
      tags: [{ key: 'team', value: 'payments' }],
    });
  });

  it('sends no tags when there are none to copy (RegisterTaskDefinition refuses an empty list)', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: fargate, tags: [] });
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...fargate, revision: 43 } });
    await backend().pinImages({ family: 'web', revision: 41 }, [web()]);
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input).not.toHaveProperty('tags');
  });

  it('refuses before any change: a container the revision lacks, or no digest', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: fargate });
    await expect(
      backend().pinImages({ family: 'web', revision: 41 }, [{ ...web(), container: 'api' }]),
    ).rejects.toThrow('web:41 has no container api');
    await expect(
      backend().pinImages({ family: 'web', revision: 41 }, [{ ...web(), digest: undefined }]),
    ).rejects.toThrow('container web has no digest to pin');
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
  });

  it('a refused RegisterTaskDefinition is asked once by the adapter, named by its IAM action, and not read back', async () => {
    const err = Object.assign(new Error('Container.image should not be null or empty.'), {
      name: 'ClientException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: fargate });
    ecsMock.on(RegisterTaskDefinitionCommand).rejects(err);
    const e = await rejection(backend().pinImages({ family: 'web', revision: 41 }, [web()]));
    expect(e.message).toBe('ecs:RegisterTaskDefinition: ClientException: Container.image should not be null or empty.');
    expect(e).toMatchObject({ applied: 'not-applied', answer: 'error' });
    expect(e.cause).toBe(err);
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(1);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(0);
  });

  it('a failing DescribeTaskDefinition is named as such, and nothing is registered', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(sdkError('AccessDeniedException'));
    const e = await rejection(backend().pinImages({ family: 'web', revision: 41 }, [web()]));
    expect(e.message).toBe(
      'ecs:DescribeTaskDefinition: access denied — the IAM policy needs ecs:DescribeTaskDefinition (see README)',
    );
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
  });
});

describe('request budget', () => {
  it('first poll vs steady state; family listing once a minute', async () => {
    world({ stopped: [sdkStoppedTask('t1', 20)] });
    const r = reader();
    await r.getService(signal);
    // 1 DescribeServices, 2 ListTaskDefinitions, 4 DescribeTaskDefinition (42, 41 + older 40, 39),
    // 1 ListTasks + 1 DescribeTasks, 1 List + 1 DescribeServiceDeployments + 1 DescribeServiceRevisions.
    expect(counts()).toEqual({
      DescribeServices: 1,
      ListTaskDefinitions: 2,
      DescribeTaskDefinition: 4,
      ListTasks: 1,
      DescribeTasks: 1,
      ListServiceDeployments: 1,
      DescribeServiceDeployments: 1,
      DescribeServiceRevisions: 1,
    });
    ecsMock.resetHistory();
    clock += 5_000;
    await r.getService(signal);
    // The deployment is in flight, so it is described again; nothing else was new.
    expect(counts()).toEqual({
      DescribeServices: 1,
      ListTasks: 1,
      ListServiceDeployments: 1,
      DescribeServiceDeployments: 1,
    });
    ecsMock.resetHistory();
    clock += 60_000;
    await r.getService(signal);
    expect(counts().ListTaskDefinitions).toBe(2);
    expect(counts().DescribeTaskDefinition).toBeUndefined();
  });

  it('passes the abort signal with every read', async () => {
    world({ stopped: [sdkStoppedTask('t1', 20)] });
    await reader().getService(signal);
    for (const c of ecsMock.calls()) expect((c.args as unknown[])[1]).toEqual({ abortSignal: signal });
  });
});

describe('task definition family', () => {
  it('follows ListTaskDefinitions pages and sorts itself (order not trusted, other families ignored)', async () => {
    world({
      serviceDeployments: [],
      active: [
        [38, 42],
        [40, 41],
      ],
      inactive: [39],
    });
    ecsMock
      .on(DescribeServicesCommand)
      .resolves({ services: [sdkService({ deployments: [sdkService().deployments![0]!] })] });
    ecsMock.on(ListServiceDeploymentsCommand).rejects(sdkError('UnknownOperationException'));
    const s = await reader().getService(signal);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand, { status: 'ACTIVE' })).toHaveLength(2);
    expect([...s.familyRevisions].sort((a, b) => a.revision - b.revision)).toEqual([
      { revision: 38, status: 'ACTIVE' },
      { revision: 39, status: 'INACTIVE' },
      { revision: 40, status: 'ACTIVE' },
      { revision: 41, status: 'ACTIVE' },
      { revision: 42, status: 'ACTIVE' },
    ]);
    expect(planRollback(s, idle, false).target).toMatchObject({
      ref: { revision: 41 },
      source: 'newest older ACTIVE revision',
    });
    expect(Object.keys(s.taskDefinitions).sort()).toEqual(['web:38', 'web:40', 'web:41', 'web:42']);
  });
});

describe('stopped tasks', () => {
  it('describes only tasks not seen stopped before, skips other services, newest first', async () => {
    const other = sdkStoppedTask('other', 40, { group: 'service:api' });
    world({
      stopped: [
        sdkStoppedTask('t1', 20),
        other,
        sdkStoppedTask('t2', 25, { stoppedReason: 'Essential container in task exited' }),
      ],
    });
    const r = reader();
    const s = await r.getService(signal);
    expect(s.stoppedTasks.map((t) => [t.taskArn, t.stoppedReason])).toEqual([
      [taskArn('t2'), 'Essential container in task exited'],
      [taskArn('t1'), 'ResourceInitializationError: unable to pull secrets or registry auth'],
    ]);
    ecsMock.resetHistory();
    await r.getService(signal);
    expect(counts().DescribeTasks).toBeUndefined();
  });
});

describe('errors', () => {
  it('a MISSING service is a clear error', async () => {
    world();
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', reason: 'MISSING' }],
    });
    await expect(reader().getService(signal)).rejects.toThrow('service web not found in cluster prod');
  });

  it('DescribeServices access denied names the IAM action and keeps the cause', async () => {
    world();
    const denied = sdkError('AccessDeniedException');
    ecsMock.on(DescribeServicesCommand).rejects(denied);
    const e = await rejection(reader().getService(signal));
    expect(e.message).toBe(
      'ecs:DescribeServices: access denied — the IAM policy needs ecs:DescribeServices (see README)',
    );
    expect(e.cause).toBe(denied);
  });
});

describe('rollback', () => {
  const base = {
    cluster: 'prod',
    service: 'web',
    from: { family: 'web', revision: 42 },
    to: { family: 'web', revision: 41 },
  };

  it('update-service: UpdateService to family:revision with a forced new deployment', async () => {
    ecsMock
      .on(UpdateServiceCommand)
      .resolves({ service: sdkService({ deployments: [{ id: 'ecs-svc/99', status: 'PRIMARY' }] }) });
    expect(await reader().rollback({ ...base, method: 'update-service' })).toEqual({
      method: 'update-service',
      deploymentId: 'ecs-svc/99',
    });
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({
      cluster: 'prod',
      service: 'web',
      taskDefinition: 'web:41',
      forceNewDeployment: true,
    });
  });

  it('stop-service-deployment: StopServiceDeployment with stopType ROLLBACK', async () => {
    ecsMock.on(StopServiceDeploymentCommand).resolves({ serviceDeploymentArn: sdArn('sd42') });
    const result = await reader().rollback({
      ...base,
      method: 'stop-service-deployment',
      serviceDeploymentArn: sdArn('sd42'),
    });
    expect(result).toEqual({ method: 'stop-service-deployment', deploymentId: sdArn('sd42') });
    expect(ecsMock.commandCalls(StopServiceDeploymentCommand)[0]!.args[0].input).toEqual({
      serviceDeploymentArn: sdArn('sd42'),
      stopType: 'ROLLBACK',
    });
  });

  it('errors carry the action in the message and the SDK error as cause', async () => {
    const err = Object.assign(new Error('The service deployment is not in a stoppable state.'), {
      name: 'ConflictException',
      $metadata: { httpStatusCode: 400 },
    });
    ecsMock.on(StopServiceDeploymentCommand).rejects(err);
    const e = await rejection(
      reader().rollback({ ...base, method: 'stop-service-deployment', serviceDeploymentArn: sdArn('sd42') }),
    );
    expect(e.message).toBe(
      'ecs:StopServiceDeployment: ConflictException: The service deployment is not in a stoppable state.',
    );
    // AWS answered: certainly not applied, so the runner may fall back to UpdateService.
    expect(e).toMatchObject({ applied: 'not-applied', answer: 'error' });
    expect(e.cause).toBe(err);
  });

  it('refuses a request for another service', async () => {
    await expect(reader().rollback({ ...base, service: 'api', method: 'update-service' })).rejects.toThrow(
      'this session watches prod/web',
    );
    expect(ecsMock.calls()).toHaveLength(0);
  });
});
