// Seeds moto with hostile text in every field the dashboard shows that moto lets a test set:
// seedWorld's ordinary world, then revisions web:4 (the rollback target) and web:5 (serving) whose
// container names, image tags and environment names carry payloads, one alarm per payload (name,
// state reason, description), stopped tasks whose reasons carry them, and log lines and stream names.
// Measured against moto 5.2.1: it accepts ESC, C0, bidi, zero-width and U+2028/9 in all of these,
// but drops DEL and C1 characters (U+0080–U+009F) on the way in, so those reach the app only
// through the unit test of the mappers (test/unit/aws-hostile-map.test.ts) and the files the
// tests write themselves (audit log, runbook, config).
import { PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
} from '@aws-sdk/client-ecs';
import { HOSTILE, LONG, hostile, type HostilePayload } from './hostileText.js';
import type { Moto } from './moto.js';
import { awsClients, SEEDED, seedWorld } from './seedAws.js';

/** Payloads moto keeps intact (it drops DEL and C1 characters). */
export const MOTO_KEEPS: readonly HostilePayload[] = HOSTILE.filter((p) => !/[\u007f-\u009f]/.test(p.text));

/** Alarm names are short in the pane and capped at 255 by AWS: the long line goes in the reason only. */
export const ALARM_PAYLOADS = MOTO_KEEPS.filter((p) => p !== LONG);
export const alarmName = (p: HostilePayload) => `${SEEDED.service}-${p.text}`;

/** Stream names whose 8-character short form (the pane's column) is itself a complete sequence or the start of one. */
export const STREAM_PAYLOADS = ['OSC 0 window title', 'RIS full reset', 'unterminated OSC'].map(hostile);
export const streamName = (p: HostilePayload) => `web/web/${p.text.slice(p.marker.length + 1)}${p.marker}`;

/** ECS keeps the stopped tasks of the last hour; the pane and the snapshot show the newest 10: two payloads per task. */
export const STOPPED_REASONS: string[] = [];
for (let i = 0; i < MOTO_KEEPS.length; i += 2)
  STOPPED_REASONS.push(
    MOTO_KEEPS.slice(i, i + 2)
      .map((p) => p.text)
      .join(' | '),
  );

// A tag is what follows the image's last ':' (and the OSC 8 payload holds one in its URL): such a
// payload goes into the container and environment names only, so every marker in a tag stays whole.
function hostileContainers(revision: number): ContainerDefinition[] {
  return ALARM_PAYLOADS.map((p, i) => ({
    name: `c${i}-${p.text}`,
    image: `registry.example.com/web:r${revision}-${p.text.includes(':') ? p.marker : p.text}`,
    memory: 64,
    // Different names in the two revisions, so the rollback dialog lists each as added or removed.
    environment: [{ name: `R${revision}_${p.text}`, value: 'not shown' }],
    ...(i === 0
      ? {
          logConfiguration: {
            logDriver: 'awslogs' as const,
            options: { 'awslogs-group': SEEDED.logGroup, 'awslogs-region': 'us-east-1' },
          },
        }
      : {}),
  }));
}

export async function seedHostileWorld(moto: Moto, now = Date.now()): Promise<void> {
  await seedWorld(moto, now);
  const c = awsClients(moto);
  for (const revision of [4, 5])
    await c.ecs.send(
      new RegisterTaskDefinitionCommand({ family: SEEDED.service, containerDefinitions: hostileContainers(revision) }),
    );
  await c.ecs.send(
    new UpdateServiceCommand({ cluster: SEEDED.cluster, service: SEEDED.service, taskDefinition: 'web:5' }),
  );

  for (const p of ALARM_PAYLOADS) {
    await c.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarmName(p),
        AlarmDescription: p.text,
        Namespace: 'Hostile',
        MetricName: 'Text',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    await c.cloudwatch.send(
      new SetAlarmStateCommand({ AlarmName: alarmName(p), StateValue: 'ALARM', StateReason: p.text }),
    );
  }
  // The long line as a reason, on the ordinary alarm (the pane shows its name plainly).
  await c.cloudwatch.send(
    new SetAlarmStateCommand({ AlarmName: SEEDED.alarm, StateValue: 'ALARM', StateReason: LONG.text }),
  );

  for (const reason of STOPPED_REASONS) {
    const run = await c.ecs.send(
      new RunTaskCommand({
        cluster: SEEDED.cluster,
        taskDefinition: 'web:5',
        launchType: 'FARGATE',
        group: `service:${SEEDED.service}`,
      }),
    );
    await c.ecs.send(new StopTaskCommand({ cluster: SEEDED.cluster, task: run.tasks![0]!.taskArn!, reason }));
  }

  const streams = STREAM_PAYLOADS.map(streamName);
  for (const logStreamName of streams)
    await c.logs.send(new CreateLogStreamCommand({ logGroupName: SEEDED.logGroup, logStreamName }));
  // One line per payload, oldest first, all within the follower's first look back.
  for (const [i, p] of MOTO_KEEPS.entries()) {
    await c.logs.send(
      new PutLogEventsCommand({
        logGroupName: SEEDED.logGroup,
        logStreamName: streams[i % streams.length],
        logEvents: [{ timestamp: now - 9_000 + i * 100, message: p.text }],
      }),
    );
  }
}
