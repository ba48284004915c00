import type { TaskDefinitionInfo } from './model.js';

export interface TaskDefDiff {
  /** Containers whose image differs: name, current image tag → target image tag. */
  images: { container: string; from?: string; to?: string }[];
  /** Environment variable names present only in the current or only in the target. */
  envOnlyCurrent: string[];
  envOnlyTarget: string[];
}

/** What a rollback changes, by container name: images and environment variable names (values are secrets' business). */
export function diffTaskDefs(current?: TaskDefinitionInfo, target?: TaskDefinitionInfo): TaskDefDiff {
  const cur = new Map((current?.containers ?? []).map((c) => [c.name, c]));
  const tgt = new Map((target?.containers ?? []).map((c) => [c.name, c]));
  const names = [...new Set([...cur.keys(), ...tgt.keys()])];
  const images = names
    .filter((n) => cur.get(n)?.image !== tgt.get(n)?.image)
    .map((n) => ({ container: n, from: cur.get(n)?.imageTag, to: tgt.get(n)?.imageTag }));
  const envCur = new Set([...cur.values()].flatMap((c) => c.envNames));
  const envTgt = new Set([...tgt.values()].flatMap((c) => c.envNames));
  return {
    images,
    envOnlyCurrent: [...envCur].filter((e) => !envTgt.has(e)).sort(),
    envOnlyTarget: [...envTgt].filter((e) => !envCur.has(e)).sort(),
  };
}
