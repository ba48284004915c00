// The fixed cast of the demo world: one account, one cluster, one service, one task-definition family.
import { imageTag } from '../../domain/imageTags.js';
import type { ContainerInfo, TaskDefinitionInfo, TaskDefRef } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { hash32, hex, mulberry32 } from './random.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const CLUSTER = 'demo-cluster';
export const SERVICE = 'web';
export const FAMILY = 'web';
export const DESIRED = 3;
export const WATCH_WINDOW_MS = 2 * 60 * 60_000;
export const LOG_GROUP = '/ecs/web';
export const CALLER_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/oncall/demo-user`;
export const SERVICE_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/${SERVICE}`;
export const TARGET_GROUP_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web-tg/6d0ecf831eec9f09`;

export const taskArn = (taskId: string): string => `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${CLUSTER}/${taskId}`;
export const serviceDeploymentArn = (id: string): string =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:service-deployment/${CLUSTER}/${SERVICE}/${id}`;

export const RELEASE: TaskDefRef = { family: FAMILY, revision: 42 };
export const PREVIOUS: TaskDefRef = { family: FAMILY, revision: 41 };

const DAY = 24 * 60 * 60_000;
const BASE_ENV = ['APP_ENV', 'PORT', 'DB_HOST', 'DB_POOL_SIZE', 'LOG_LEVEL'];

interface RevisionSpec {
  revision: number;
  version: string;
  extraEnv: string[];
  status: TaskDefinitionInfo['status'];
  /** Registered this long before the release started. */
  ageMs: number;
}

// Revision 40 only added an env var, so it reuses 39's image: revisions and images do not map 1:1.
const REVISIONS: RevisionSpec[] = [
  { revision: 38, version: 'v1.3.4', extraEnv: [], status: 'INACTIVE', ageMs: 41 * DAY },
  { revision: 39, version: 'v1.3.5', extraEnv: [], status: 'ACTIVE', ageMs: 27 * DAY },
  { revision: 40, version: 'v1.3.5', extraEnv: ['LOG_FORMAT'], status: 'ACTIVE', ageMs: 16 * DAY },
  { revision: 41, version: 'v1.3.6', extraEnv: ['LOG_FORMAT'], status: 'ACTIVE', ageMs: 3 * DAY + 2 * 3600_000 },
  {
    revision: 42,
    version: 'v1.4.0',
    extraEnv: ['LOG_FORMAT', 'FEATURE_NEW_CHECKOUT', 'PAYMENTS_API_URL'],
    status: 'ACTIVE',
    ageMs: 50 * 60_000,
  },
];

function container(name: string, image: string, envNames: string[]): ContainerInfo {
  return { name, image, imageTag: imageTag(image), envNames };
}

/**
 * The digest the demo registry serves for an image: a pure function of the image name, so it is the
 * same in every run and for every revision naming the image (39 and 40 share v1.3.5's), as a registry
 * whose tags never moved would answer. A pinned image (`repo@sha256:…`) is its own digest.
 */
export function demoDigest(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1);
  return `sha256:${hex(mulberry32(hash32(...[...image].map((c) => c.charCodeAt(0)))), 64)}`;
}

export function buildTaskDefinitions(releaseStart: number): Record<string, TaskDefinitionInfo> {
  const out: Record<string, TaskDefinitionInfo> = {};
  for (const r of REVISIONS) {
    const ref = { family: FAMILY, revision: r.revision };
    out[refKey(ref)] = {
      ...ref,
      arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${refKey(ref)}`,
      status: r.status,
      containers: [
        container('web', `registry.example.com/web:${r.version}`, [...BASE_ENV, ...r.extraEnv]),
        container('log-router', 'fluent/fluent-bit:2.2', ['FLB_LOG_LEVEL']),
      ],
      registeredAt: releaseStart - r.ageMs,
      logGroup: LOG_GROUP,
    };
  }
  return out;
}

/** ECS does not promise an order, and the app must not rely on one: deliberately shuffled. */
export const FAMILY_ORDER: readonly number[] = [41, 38, 42, 39, 40];

/** The version each catalog revision's web image was built from (what its log lines say). */
export const CATALOG_VERSIONS: ReadonlyMap<number, string> = new Map(REVISIONS.map((r) => [r.revision, r.version]));
