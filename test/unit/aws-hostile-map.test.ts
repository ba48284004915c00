// Hostile text in the AWS fields moto cannot serve (service events, deployment and service-deployment
// reasons, triggered alarm names, service revisions' images, composite alarms, the STS caller) or
// cannot carry (DEL and C1 characters, which moto drops): answers shaped from the API reference
// through aws-sdk-client-mock, read through the backend the CLI builds (cli/backendFactory), so the
// test holds wherever the sanitising boundary sits below it.
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
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
} from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/cli/backendFactory.js';
import { parseArgs } from '../../src/cli/flags.js';
import { resolveSettings } from '../../src/config/settings.js';
import type { Backend } from '../../src/domain/backend.js';
import {
  revisionArn,
  sdkDeployment,
  sdkRevision,
  sdkService,
  sdkServiceDeployment,
  sdkStoppedTask,
  sdkTaskDef,
  tdArn,
} from '../helpers/ecsFixtures.js';
import { HOSTILE, forbiddenIn, missingMarkers, stringsIn } from '../helpers/hostileText.js';

const ecsMock = mockClient(ECSClient);
const cwMock = mockClient(CloudWatchClient);
const stsMock = mockClient(STSClient);
const signal = new AbortController().signal;
const texts = HOSTILE.map((p) => p.text);
const h = (i: number) => texts[i % texts.length]!;

function hostileWorld(): void {
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [
      sdkService({
        deployments: [
          sdkDeployment(42, { rolloutState: 'FAILED', rolloutStateReason: h(0), id: h(1) }),
          sdkDeployment(41, { status: 'ACTIVE', rolloutState: 'COMPLETED', rolloutStateReason: h(2) }),
        ],
        events: texts.map((message, i) => ({ id: `e${i}`, createdAt: new Date(Date.UTC(2025, 5, 1, 12, i)), message })),
        loadBalancers: [{ targetGroupArn: h(3), loadBalancerName: h(4), containerName: h(5), containerPort: 8080 }],
      }),
    ],
    failures: [],
  });
  ecsMock.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
    const revision = Number(/(\d+)$/.exec(input.taskDefinition)![1]);
    return {
      taskDefinition: sdkTaskDef(revision, {
        containerDefinitions: texts.map((t, i) => ({
          name: `c${i}-${t}`,
          image: `registry.example.com/web:${revision}-${t.replace(/:/g, '')}`,
          environment: [{ name: `E${revision}_${t}`, value: 'secret' }],
        })),
      }),
    };
  });
  ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [tdArn(41), tdArn(42)] });
  const stopped = texts
    .slice(0, 10)
    .map((t, i) => sdkStoppedTask(`t${i}`, 20 + i, { stoppedReason: t, stopCode: h(i + 10) as never }));
  ecsMock.on(ListTasksCommand).resolves({ taskArns: stopped.map((t) => t.taskArn!) });
  ecsMock.on(DescribeTasksCommand).resolves({ tasks: stopped });
  const sd = sdkServiceDeployment('sd42', {
    status: 'ROLLBACK_FAILED',
    statusReason: h(6),
    lifecycleStage: h(7) as never,
    alarms: { status: 'TRIGGERED', alarmNames: [h(8), h(9)], triggeredAlarmNames: [h(8)] },
  });
  ecsMock.on(ListServiceDeploymentsCommand).resolves({
    serviceDeployments: [{ serviceDeploymentArn: sd.serviceDeploymentArn, createdAt: sd.createdAt, status: sd.status }],
  });
  ecsMock.on(DescribeServiceDeploymentsCommand).resolves({ serviceDeployments: [sd] });
  ecsMock.on(DescribeServiceRevisionsCommand).callsFake((input: { serviceRevisionArns: string[] }) => ({
    serviceRevisions: input.serviceRevisionArns.map((arn, i) => ({
      ...sdkRevision(arn.split('/').pop()!, arn === revisionArn('rev41') ? 41 : 42),
      containerImages: [{ containerName: h(11 + i), image: h(12 + i), imageDigest: h(13 + i) }],
    })),
  }));
  const alarm = (t: string) => ({ AlarmName: `web-${t}`, StateValue: 'ALARM' as const, StateReason: t });
  cwMock
    .on(DescribeAlarmsCommand)
    .resolves({ MetricAlarms: texts.map(alarm), CompositeAlarms: texts.map((t) => alarm(`composite-${t}`)) });
  stsMock.on(GetCallerIdentityCommand).resolves({
    Account: '123456789012',
    Arn: `arn:aws:sts::123456789012:assumed-role/oncall/${h(14)}`,
    UserId: h(15),
  });
}

async function cliBackend(): Promise<Backend> {
  const parsed = parseArgs(['--cluster', 'prod', '--service', 'web', '--region', 'us-east-1'], '0.0.0');
  if ('exit' in parsed) throw new Error('flags did not parse');
  return createBackend(resolveSettings(parsed.options, {}));
}

beforeEach(() => {
  ecsMock.reset();
  cwMock.reset();
  stsMock.reset();
  hostileWorld();
});

describe('hostile text in AWS answers moto cannot give', () => {
  it('reaches the app as visible, inert text: service, events, reasons, images, alarms, identity', async () => {
    const backend = await cliBackend();
    try {
      const answers = {
        service: await backend.getService(signal),
        alarms: await backend.getAlarms(signal),
        identity: await backend.getIdentity(signal),
      };
      const strings = stringsIn(answers);
      // Every payload reached the answer (else the check below would pass on nothing).
      expect(missingMarkers(strings.join('\n'))).toEqual([]);
      expect(answers.service.events.map((e) => e.message).join('\n')).toContain(HOSTILE.at(-1)!.marker);
      const dirty = Object.entries(answers).flatMap(([field, value]) =>
        stringsIn(value).flatMap((s) => forbiddenIn(s, false).map((f) => `${field}: ${f}`)),
      );
      expect(dirty).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
