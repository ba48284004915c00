// The fixed cast of the demo world: one account, one cluster, one service, one task-definition family.
import { imageTag } from '../../domain/imageTags.js';
import type { ContainerDetail, ContainerInfo, TaskDefinitionInfo, TaskDefRef } from '../../domain/model.js';
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
/** The web container's environment as every revision registers it; revisions add to and override it. */
const BASE_ENV: Record<string, string> = {
  APP_ENV: 'production',
  PORT: '8080',
  DB_HOST: 'web-db.cluster-c9x2k1pq7r3e.us-east-1.rds.amazonaws.com',
  DB_POOL_SIZE: '20',
  LOG_LEVEL: 'info',
};

interface RevisionSpec {
  revision: number;
  version: string;
  status: TaskDefinitionInfo['status'];
  /** Registered this long before the release started. */
  ageMs: number;
  /** Added to BASE_ENV, or overriding it. */
  env?: Record<string, string>;
  /** Secrets Manager references, by the name the container sees; default DB_PASSWORD. */
  secrets?: string[];
  /** The web container's hard memory limit, MiB; default 1024. */
  memory?: number;
}

const LOG_FORMAT = { LOG_FORMAT: 'json' };
// Revision 40 only added an env var, so it reuses 39's image: revisions and images do not map 1:1.
// 42 is what a release often is besides a new image: a feature flag, a new dependency and its
// secret, a bigger pool and the memory raised to match.
const REVISIONS: RevisionSpec[] = [
  { revision: 38, version: 'v1.3.4', status: 'INACTIVE', ageMs: 41 * DAY },
  { revision: 39, version: 'v1.3.5', status: 'ACTIVE', ageMs: 27 * DAY },
  { revision: 40, version: 'v1.3.5', status: 'ACTIVE', ageMs: 16 * DAY, env: LOG_FORMAT },
  { revision: 41, version: 'v1.3.6', status: 'ACTIVE', ageMs: 3 * DAY + 2 * 3600_000, env: LOG_FORMAT },
  {
    revision: 42,
    version: 'v1.4.0',
    status: 'ACTIVE',
    ageMs: 50 * 60_000,
    env: {
      ...LOG_FORMAT,
      DB_POOL_SIZE: '40',
      FEATURE_NEW_CHECKOUT: 'true',
      PAYMENTS_API_URL: 'https://payments.internal.example.com/v2',
    },
    secrets: ['DB_PASSWORD', 'PAYMENTS_API_KEY'],
    memory: 1536,
  },
];

function container(name: string, image: string, detail: ContainerDetail): ContainerInfo {
  return { name, image, imageTag: imageTag(image), envNames: Object.keys(detail.env), detail };
}

const webDetail = (r: RevisionSpec): ContainerDetail => ({
  env: { ...BASE_ENV, ...r.env },
  secrets: [...(r.secrets ?? ['DB_PASSWORD'])],
  cpu: 896,
  memory: r.memory ?? 1024,
  memoryReservation: 768,
  essential: true,
  command: ['serve', '--port', '8080'],
  healthCheck: {
    command: ['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'],
    intervalS: 15,
    timeoutS: 5,
    retries: 3,
    startPeriodS: 30,
  },
  ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
});

const logRouterDetail = (): ContainerDetail => ({
  env: { FLB_LOG_LEVEL: 'warn' },
  secrets: [],
  cpu: 128,
  memory: 256,
  essential: true,
  ports: [],
});

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
        container('web', `registry.example.com/web:${r.version}`, webDetail(r)),
        container('log-router', 'fluent/fluent-bit:2.2', logRouterDetail()),
      ],
      registeredAt: releaseStart - r.ageMs,
      logGroup: LOG_GROUP,
      // Fargate sizes: 1 vCPU, and memory for both containers' limits.
      cpu: '1024',
      memory: '2048',
    };
  }
  return out;
}

/** ECS does not promise an order, and the app must not rely on one: deliberately shuffled. */
export const FAMILY_ORDER: readonly number[] = [41, 38, 42, 39, 40];

/** The version each catalog revision's web image was built from (what its log lines say). */
export const CATALOG_VERSIONS: ReadonlyMap<number, string> = new Map(REVISIONS.map((r) => [r.revision, r.version]));
