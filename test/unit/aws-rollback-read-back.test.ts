// The changes' lost answers, against aws-sdk-client-mock for what moto lacks (StopServiceDeployment,
// DescribeServiceDeployments, registeredAt) and for read-backs that fail. Shapes from the ECS API
// reference (test/helpers/ecsFixtures.ts). Each change is sent once (the mock replaces `send`, so
// SDK retries are counted over HTTP in test/integration/ecs.test.ts), and what it did is read back.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EcsReader } from '../../src/adapters/aws/ecs.js';
import { pinImages } from '../../src/adapters/aws/ecsTaskDefs.js';
import { MutationError } from '../../src/domain/errors.js';
import type { RollbackRequest } from '../../src/domain/model.js';
import {
  digest,
  sdArn,
  sdkDeployment,
  sdkService,
  sdkServiceDeployment,
  sdkTaskDef,
  tdArn,
} from '../helpers/ecsFixtures.js';

const ecsMock = mockClient(ECSClient);
const client = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const HOUR = 3_600_000;
const writer = (readBackDelaysMs = [0]) => new EcsReader(client, 'prod', 'web', { mutation: { readBackDelaysMs } });
const request = (method: RollbackRequest['method']): RollbackRequest => ({
  cluster: 'prod',
  service: 'web',
  from: { family: 'web', revision: 42 },
  to: { family: 'web', revision: 41 },
  method,
  ...(method === 'stop-service-deployment' ? { serviceDeploymentArn: sdArn('sd42') } : {}),
});

/** No answer at all: what Node gives when the connection drops after the request was written. */
const lost = () => Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' });
const answered = (name: string, status: number) =>
  Object.assign(new Error(`${name}: test`), { name, $metadata: { httpStatusCode: status } });

/** The service as DescribeServices shows it after the call: PRIMARY on `revision`, created `createdAt`. */
function serviceOn(revision: number, createdAt = new Date()) {
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [
      sdkService({
        taskDefinition: tdArn(revision),
        deployments: [sdkDeployment(revision, { id: 'ecs-svc/new', createdAt })],
      }),
    ],
  });
}

const sdStatus = (status: string) =>
  ecsMock
    .on(DescribeServiceDeploymentsCommand)
    .resolves({ serviceDeployments: [sdkServiceDeployment('sd42', { status: status as 'IN_PROGRESS' })] });

async function failure(p: Promise<unknown>): Promise<MutationError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof MutationError)) throw new Error(`expected a MutationError, got ${String(e)}`);
  return e;
}

beforeEach(() => ecsMock.reset());

describe('UpdateService whose answer was lost', () => {
  it('is sent once and read back as applied when the PRIMARY deployment is on the target and new', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(lost());
    serviceOn(41);
    await expect(writer().rollback(request('update-service'))).resolves.toEqual({
      method: 'update-service',
      deploymentId: 'ecs-svc/new',
      answer: 'lost',
    });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('is not applied when the target deployment is older than the request (someone else made it)', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(lost());
    serviceOn(41, new Date(Date.now() - HOUR));
    const e = await failure(writer().rollback(request('update-service')));
    expect(e).toMatchObject({ applied: 'not-applied', answer: 'lost' });
    expect(e.message).toBe(
      'ecs:UpdateService: the answer was lost (socket hang up); read back: the PRIMARY deployment is web:41, made before the request',
    );
  });

  it('is not applied while the service is still on the release', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(lost());
    serviceOn(42);
    expect(await failure(writer().rollback(request('update-service')))).toMatchObject({ applied: 'not-applied' });
  });

  it('is unknown when the read-back fails too, and says why', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(lost());
    ecsMock.on(DescribeServicesCommand).rejects(answered('ThrottlingException', 400));
    const e = await failure(writer().rollback(request('update-service')));
    expect(e).toMatchObject({ applied: 'unknown', answer: 'lost' });
    expect(e.message).toMatch(
      /^ecs:UpdateService: the answer was lost \(socket hang up\), and reading it back failed \(ecs:DescribeServices: throttled/,
    );
  });

  it('reads back again after a "not yet" (eventual consistency), and the last read decides', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(lost());
    const onRelease = { services: [sdkService()] };
    const onTarget = {
      services: [
        sdkService({ taskDefinition: tdArn(41), deployments: [sdkDeployment(41, { createdAt: new Date() })] }),
      ],
    };
    ecsMock.on(DescribeServicesCommand).resolvesOnce(onRelease).resolves(onTarget);
    await expect(writer([0, 0]).rollback(request('update-service'))).resolves.toMatchObject({ answer: 'lost' });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(2);
  });

  it('a 5xx says nothing either: read back', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(answered('ServerException', 500));
    serviceOn(41);
    await expect(writer().rollback(request('update-service'))).resolves.toMatchObject({ answer: 'lost' });
  });

  it('a 4xx answer is not applied and not read back', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(answered('ThrottlingException', 400));
    const e = await failure(writer().rollback(request('update-service')));
    expect(e).toMatchObject({
      applied: 'not-applied',
      answer: 'error',
      message: 'ecs:UpdateService: throttled by AWS',
    });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });

  it('never signed (no credentials) is not applied and not read back', async () => {
    const unsigned = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    ecsMock.on(UpdateServiceCommand).rejects(unsigned);
    expect(await failure(writer().rollback(request('update-service')))).toMatchObject({
      applied: 'not-applied',
      answer: 'error',
    });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });
});

describe('StopServiceDeployment whose answer was lost', () => {
  it.each(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'])(
    'is applied when the deployment reads back %s',
    async (status) => {
      ecsMock.on(StopServiceDeploymentCommand).rejects(lost());
      sdStatus(status);
      await expect(writer().rollback(request('stop-service-deployment'))).resolves.toEqual({
        method: 'stop-service-deployment',
        deploymentId: sdArn('sd42'),
        answer: 'lost',
      });
      expect(ecsMock.commandCalls(StopServiceDeploymentCommand)).toHaveLength(1);
    },
  );

  it('is not applied while the deployment is still IN_PROGRESS and the service on the release', async () => {
    ecsMock.on(StopServiceDeploymentCommand).rejects(lost());
    sdStatus('IN_PROGRESS');
    serviceOn(42);
    const e = await failure(writer().rollback(request('stop-service-deployment')));
    expect(e).toMatchObject({ applied: 'not-applied', answer: 'lost' });
    expect(e.message).toContain('read back: the service deployment is IN_PROGRESS, the service on web:42');
  });

  it('is applied when the deployments cannot be read but the service is back on the target', async () => {
    ecsMock.on(StopServiceDeploymentCommand).rejects(lost());
    ecsMock.on(DescribeServiceDeploymentsCommand).rejects(answered('AccessDeniedException', 400));
    serviceOn(41);
    await expect(writer().rollback(request('stop-service-deployment'))).resolves.toMatchObject({ answer: 'lost' });
  });

  it('is unknown when the deployments cannot be read and the service is not on the target yet', async () => {
    ecsMock.on(StopServiceDeploymentCommand).rejects(lost());
    ecsMock.on(DescribeServiceDeploymentsCommand).rejects(answered('AccessDeniedException', 400));
    serviceOn(42);
    const e = await failure(writer().rollback(request('stop-service-deployment')));
    expect(e).toMatchObject({ applied: 'unknown', answer: 'lost' });
    expect(e.message).toContain('reading it back failed (ecs:DescribeServiceDeployments: access denied');
  });
});

describe('RegisterTaskDefinition (pin) whose answer was lost', () => {
  const repo = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
  const images = [{ container: 'web', image: `${repo}:v1.41.0`, digest: digest(41) }];
  /** The family after the call: web:43 newest, with `image` for its web container. */
  const family = (image: string, registeredAt = new Date()) => {
    const newest = 43;
    ecsMock
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'web:41' })
      .resolves({ taskDefinition: sdkTaskDef(41) });
    ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [tdArn(newest), tdArn(41), tdArn(40)] });
    const copy = sdkTaskDef(newest, { registeredAt });
    copy.containerDefinitions![0]!.image = image;
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: `web:${newest}` }).resolves({ taskDefinition: copy });
  };
  const pin = () => pinImages(client, { family: 'web', revision: 41 }, images, { mutation: { readBackDelaysMs: [0] } });

  it('finds the revision it registered: the newest, with the pinned images, registered since', async () => {
    ecsMock.on(RegisterTaskDefinitionCommand).rejects(lost());
    family(`${repo}@${digest(41)}`);
    await expect(pin()).resolves.toEqual({ family: 'web', revision: 43, answer: 'lost' });
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(1);
  });

  it('an answer that names no revision is read back the same way', async () => {
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: {} });
    family(`${repo}@${digest(41)}`);
    await expect(pin()).resolves.toEqual({ family: 'web', revision: 43, answer: 'lost' });
  });

  it('an identical copy registered an hour ago is not this one', async () => {
    ecsMock.on(RegisterTaskDefinitionCommand).rejects(lost());
    family(`${repo}@${digest(41)}`, new Date(Date.now() - HOUR));
    const e = await failure(pin());
    expect(e).toMatchObject({ applied: 'not-applied', answer: 'lost' });
    expect(e.message).toContain('read back: the newest revision, web:43, is not the pinned copy');
  });

  it('a newer revision without the pinned images (someone else registered it): not applied', async () => {
    ecsMock.on(RegisterTaskDefinitionCommand).rejects(lost());
    family(`${repo}:v1.43.0`);
    expect(await failure(pin())).toMatchObject({ applied: 'not-applied', answer: 'lost' });
  });
});
