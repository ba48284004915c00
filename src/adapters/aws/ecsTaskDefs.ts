// Task definitions and the family's revisions, cached so a poll every few seconds stays cheap.
// A task definition's content is immutable; only its status changes (deregistration), and that is
// picked up from the family listing (every FAMILY_TTL_MS) or by re-describing after STATUS_TTL_MS.
// And the one write here: a copy of a revision with its images pinned by digest (pinImages).
import {
  DescribeTaskDefinitionCommand,
  paginateListTaskDefinitions,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type Tag,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { pinContainerImages } from '../../domain/imageTags.js';
import type { ContainerImage, PinResult, ServiceSnapshot, TaskDefinitionInfo, TaskDefRef } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { describeAwsError } from './awsErrors.js';
import { familyRevisionsFrom, mapTaskDefinition, parseTaskDefRef } from './ecsMap.js';
import { rethrowIfAborted, type EcsIssues } from './ecsUtil.js';
import { awsClock, registrationTookEffect } from './rollbackReadBack.js';
import { mutate, sentOnce, type MutationTiming } from './sendOnce.js';

export const FAMILY_TTL_MS = 60_000;
export const STATUS_TTL_MS = 5 * 60_000;
/** After a failed describe, try again soon: the deployment's image tags are worth a retry. */
const FAILED_RETRY_MS = 30_000;
/** 100 per page; a family with more than 500 revisions of one status lists only the newest 500. */
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

type FamilyRevisions = ServiceSnapshot['familyRevisions'];

interface Entry {
  info?: TaskDefinitionInfo;
  retryAt: number;
}

export class TaskDefinitions {
  /** Keyed "family:revision": unique within the one account and region this client talks to. */
  private readonly entries = new Map<string, Entry>();
  private family?: { name: string; revisions: FamilyRevisions; retryAt: number };

  constructor(
    private readonly ecs: ECSClient,
    private readonly now: () => number,
    private readonly issues: EcsIssues,
  ) {}

  /** ACTIVE and INACTIVE revisions of `family`, listed at most every FAMILY_TTL_MS. */
  async familyRevisions(family: string, signal: AbortSignal): Promise<FamilyRevisions> {
    const now = this.now();
    if (this.family?.name === family && now < this.family.retryAt) return this.family.revisions;
    const previous = this.family?.name === family ? this.family.revisions : [];
    try {
      const [active, inactive] = await Promise.all([
        this.list(family, 'ACTIVE', signal),
        this.list(family, 'INACTIVE', signal),
      ]);
      const revisions = [...active, ...inactive];
      this.family = { name: family, revisions, retryAt: now + FAMILY_TTL_MS };
      this.applyStatuses(family, revisions, now);
      this.issues.clear('ecs:ListTaskDefinitions');
      return revisions;
    } catch (e) {
      rethrowIfAborted(e, signal);
      // Rollback candidates from a minute ago beat none; try again after the same interval.
      this.issues.set('ecs:ListTaskDefinitions', e);
      this.family = { name: family, revisions: previous, retryAt: now + FAMILY_TTL_MS };
      return previous;
    }
  }

  /** Task definitions of `refs`, described only when not cached or due for a status re-check. */
  async resolve(refs: TaskDefRef[], signal: AbortSignal): Promise<Record<string, TaskDefinitionInfo>> {
    const now = this.now();
    const due = refs.filter((r) => (this.entries.get(refKey(r))?.retryAt ?? 0) <= now);
    await Promise.all(due.map((r) => this.describe(r, signal)));
    const out: Record<string, TaskDefinitionInfo> = {};
    for (const r of refs) {
      const info = this.entries.get(refKey(r))?.info;
      if (info) out[refKey(r)] = info;
    }
    return out;
  }

  private async list(family: string, status: 'ACTIVE' | 'INACTIVE', signal: AbortSignal): Promise<FamilyRevisions> {
    // Exact family as familyPrefix (moto needs it; AWS treats it as a prefix, filtered in the mapper).
    // sort DESC keeps the newest when pages are capped; moto ignores it, so the order is never trusted.
    const pages = paginateListTaskDefinitions(
      { client: this.ecs, pageSize: PAGE_SIZE },
      { familyPrefix: family, status, sort: 'DESC' },
      { abortSignal: signal },
    );
    const arns: string[] = [];
    let n = 0;
    for await (const page of pages) {
      arns.push(...(page.taskDefinitionArns ?? []));
      if (++n >= MAX_PAGES) break;
    }
    return familyRevisionsFrom(arns, family, status);
  }

  /** The listing is authoritative for status: cached entries of the family need no re-describe. */
  private applyStatuses(family: string, revisions: FamilyRevisions, now: number): void {
    for (const r of revisions) {
      const entry = this.entries.get(refKey({ family, revision: r.revision }));
      if (!entry?.info) continue;
      if (entry.info.status !== r.status) entry.info = { ...entry.info, status: r.status };
      entry.retryAt = now + STATUS_TTL_MS;
    }
  }

  private async describe(ref: TaskDefRef, signal: AbortSignal): Promise<void> {
    const key = refKey(ref);
    const entry = this.entries.get(key) ?? { retryAt: 0 };
    this.entries.set(key, entry);
    try {
      const out = await this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: key }), {
        abortSignal: signal,
      });
      entry.info = mapTaskDefinition(out.taskDefinition) ?? entry.info;
      entry.retryAt = this.now() + STATUS_TTL_MS;
      this.issues.clear('ecs:DescribeTaskDefinition');
    } catch (e) {
      rethrowIfAborted(e, signal);
      // A deployment without image tags is still worth showing; keep what was known.
      this.issues.set('ecs:DescribeTaskDefinition', e);
      entry.retryAt = this.now() + FAILED_RETRY_MS;
    }
  }
}

/**
 * Registers a copy of `ref` with each named container's image pinned to its digest, and returns the
 * new revision. Refuses before any change what `pinContainerImages` refuses (a container the task
 * definition lacks, no digest, a digest from another repository). RegisterTaskDefinition is sent once
 * (each attempt that reaches ECS registers a revision); a lost answer is settled by reading the family back.
 */
export async function pinImages(
  ecs: ECSClient,
  ref: TaskDefRef,
  images: ContainerImage[],
  opts: { profile?: string; mutation?: MutationTiming } = {},
): Promise<PinResult> {
  const described = await ecs
    .send(new DescribeTaskDefinitionCommand({ taskDefinition: refKey(ref), include: ['TAGS'] }))
    .catch((e: unknown) =>
      Promise.reject(new Error(describeAwsError(e, 'ecs:DescribeTaskDefinition', opts.profile), { cause: e })),
    );
  if (!described.taskDefinition) throw new Error(`ecs:DescribeTaskDefinition: ${refKey(ref)} not found`);
  const input = pinnedRegistration(described.taskDefinition, described.tags, images);
  return mutate(
    {
      action: 'ecs:RegisterTaskDefinition',
      profile: opts.profile,
      now: awsClock(ecs),
      send: (signal) => ecs.send(sentOnce(new RegisterTaskDefinitionCommand(input)), { abortSignal: signal }),
      // An answer without the revision is as good as none: which revision it made is read back.
      answered: ({ taskDefinition: td }) =>
        parseTaskDefRef(td?.taskDefinitionArn) ??
        (td?.family && td.revision ? { family: td.family, revision: td.revision } : undefined),
      readBack: (since, signal) => registrationTookEffect(ecs, input, since, signal),
    },
    opts.mutation,
  );
}

/**
 * RegisterTaskDefinition's input from DescribeTaskDefinition's output: every field the request accepts,
 * copied, so the new revision runs the same task; only the named containers' images change. Tags with
 * the reserved `aws:` prefix are AWS's own and may not be set, so they are left out.
 */
export function pinnedRegistration(
  td: TaskDefinition,
  tags: Tag[] | undefined,
  images: ContainerImage[],
): RegisterTaskDefinitionCommandInput {
  const key =
    td.family && td.revision ? `${td.family}:${td.revision}` : (td.taskDefinitionArn ?? 'the task definition');
  if (!td.family || !td.containerDefinitions?.length) throw new Error(`${key}: no family or containers to copy`);
  const pinned = pinContainerImages(key, td.containerDefinitions, images);
  const containerDefinitions = td.containerDefinitions.map((c, i) =>
    c.image === pinned[i] ? c : { ...c, image: pinned[i] },
  );
  const userTags = (tags ?? []).filter((t) => !t.key?.startsWith('aws:'));
  return {
    family: td.family,
    containerDefinitions,
    taskRoleArn: td.taskRoleArn,
    executionRoleArn: td.executionRoleArn,
    networkMode: td.networkMode,
    volumes: td.volumes,
    placementConstraints: td.placementConstraints,
    requiresCompatibilities: td.requiresCompatibilities,
    cpu: td.cpu,
    memory: td.memory,
    pidMode: td.pidMode,
    ipcMode: td.ipcMode,
    proxyConfiguration: td.proxyConfiguration,
    inferenceAccelerators: td.inferenceAccelerators,
    ephemeralStorage: td.ephemeralStorage,
    runtimePlatform: td.runtimePlatform,
    enableFaultInjection: td.enableFaultInjection,
    ...(userTags.length ? { tags: userTags } : {}),
  };
}
