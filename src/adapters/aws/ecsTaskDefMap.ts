// Task definitions from DescribeTaskDefinition: containers with their whole definitions (for the
// rollback diff), task size and the awslogs group. Pure, like ecsMap.ts.
import type { ContainerDefinition, TaskDefinition } from '@aws-sdk/client-ecs';
import type { ContainerDetail, ContainerInfo, TaskDefinitionInfo } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { imageTag } from '../../domain/imageTags.js';
import { ms, parseTaskDefRef } from './ecsMap.js';

/**
 * What a rollback would change besides the image. Values of plain environment variables are kept
 * (the UI masks names that look secret); secrets are names only, their valueFrom is an ARN.
 */
function mapDetail(c: ContainerDefinition): ContainerDetail {
  const hc = c.healthCheck;
  return {
    env: Object.fromEntries((c.environment ?? []).flatMap((e) => (e.name ? [[e.name, e.value ?? '']] : []))),
    secrets: (c.secrets ?? []).flatMap((x) => (x.name ? [x.name] : [])),
    cpu: c.cpu,
    memory: c.memory,
    memoryReservation: c.memoryReservation,
    essential: c.essential,
    command: c.command,
    entryPoint: c.entryPoint,
    healthCheck: hc?.command
      ? {
          command: hc.command,
          intervalS: hc.interval,
          timeoutS: hc.timeout,
          retries: hc.retries,
          startPeriodS: hc.startPeriod,
        }
      : undefined,
    ports: (c.portMappings ?? []).map((p) => ({
      containerPort: p.containerPort,
      hostPort: p.hostPort,
      protocol: p.protocol,
    })),
  };
}

function mapContainer(c: ContainerDefinition, i: number): ContainerInfo {
  const image = c.image ?? '';
  return {
    name: c.name ?? `container-${i + 1}`,
    image,
    imageTag: imageTag(image),
    envNames: (c.environment ?? []).flatMap((e) => (e.name ? [e.name] : [])),
    detail: mapDetail(c),
  };
}

const TD_STATUS: ReadonlySet<string> = new Set(['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS']);

export function mapTaskDefinition(td: TaskDefinition | undefined): TaskDefinitionInfo | undefined {
  const ref =
    parseTaskDefRef(td?.taskDefinitionArn) ??
    (td?.family && td.revision ? { family: td.family, revision: td.revision } : undefined);
  if (!td || !ref) return undefined;
  const defs = td.containerDefinitions ?? [];
  const logGroup = defs.map((c) => c.logConfiguration?.options?.['awslogs-group']).find((g) => !!g);
  return {
    ...ref,
    arn: td.taskDefinitionArn ?? refKey(ref),
    status: TD_STATUS.has(td.status ?? '') ? (td.status as TaskDefinitionInfo['status']) : 'ACTIVE',
    containers: defs.map(mapContainer),
    registeredAt: ms(td.registeredAt),
    logGroup,
    cpu: td.cpu,
    memory: td.memory,
  };
}
