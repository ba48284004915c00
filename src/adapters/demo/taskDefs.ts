// The demo's task-definition registry: the catalog's revisions (38..42) and the ones registered while
// the demo runs (pinImages), one registry per world so two demo backends never share a registration.
import { imageTag, pinContainerImages } from '../../domain/imageTags.js';
import type { ContainerImage, ServiceSnapshot, TaskDefinitionInfo, TaskDefRef } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import {
  ACCOUNT,
  buildTaskDefinitions,
  CATALOG_VERSIONS,
  demoDigest,
  FAMILY,
  FAMILY_ORDER,
  REGION,
} from './catalog.js';

export class TaskDefs {
  private readonly defs: Record<string, TaskDefinitionInfo>;
  /** Listing order: the catalog's shuffled one, then registrations as they happen. */
  private readonly order: number[] = [...FAMILY_ORDER];
  private readonly versions = new Map(CATALOG_VERSIONS);

  constructor(releaseStart: number) {
    this.defs = buildTaskDefinitions(releaseStart);
  }

  /** The world's own records: callers that hand them out copy them (serviceSnapshot does). */
  all(): Record<string, TaskDefinitionInfo> {
    return this.defs;
  }

  get(ref: TaskDefRef): TaskDefinitionInfo | undefined {
    return this.defs[refKey(ref)];
  }

  familyRevisions(): ServiceSnapshot['familyRevisions'] {
    return this.order.map((revision) => ({
      revision,
      status: this.defs[refKey({ family: FAMILY, revision })]!.status,
    }));
  }

  /** What a task of this revision says it runs in its log lines; a pinned copy runs its source's build. */
  versionOf(revision: number): string {
    return this.versions.get(revision) ?? 'unknown';
  }

  /** Each container's image and the digest the demo registry resolves it to; empty for an unknown revision. */
  images(ref: TaskDefRef): ContainerImage[] {
    return (this.get(ref)?.containers ?? []).map((c) => ({
      container: c.name,
      image: c.image,
      digest: demoDigest(c.image),
    }));
  }

  /** RegisterTaskDefinition of a copy of `ref` with the named containers pinned, as the AWS adapter does it. */
  pin(ref: TaskDefRef, images: ContainerImage[], t: number): TaskDefRef {
    const source = this.get(ref);
    if (!source)
      throw new Error(`ClientException: Unable to describe task definition ${refKey(ref)}: it does not exist.`);
    const pinned = pinContainerImages(refKey(ref), source.containers, images);
    const next = { family: FAMILY, revision: Math.max(...this.order) + 1 };
    // A deep copy, containers' details included: the two revisions must never share a record.
    const copy = structuredClone(source);
    this.defs[refKey(next)] = {
      ...copy,
      ...next,
      arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${refKey(next)}`,
      status: 'ACTIVE',
      containers: copy.containers.map((c, i) => ({ ...c, image: pinned[i]!, imageTag: imageTag(pinned[i]!) })),
      registeredAt: t,
    };
    this.order.push(next.revision);
    this.versions.set(next.revision, this.versionOf(ref.revision));
    return next;
  }
}
