// Image references: which tags can point at different bytes tomorrow, and how to pin one to a digest.
// Why it matters: ECS resolves a tag to a digest per service revision, so UpdateService to an old task
// definition whose tag has moved (`:latest`, a branch, the bad release's own tag) runs whatever the
// tag names now, which may be the very image being rolled back. Pure; both adapters and the app use it.
import type { ContainerImage } from './model.js';

/** Tags that name a branch or an environment, not a build: they are re-pushed as a matter of course. */
const MOVING_TAGS: ReadonlySet<string> = new Set([
  'latest',
  'main',
  'master',
  'develop',
  'dev',
  'staging',
  'stage',
  'prod',
  'production',
  'stable',
  'edge',
  'nightly',
  'release',
  'test',
]);

/** What ECS and ECR use; a malformed digest must never reach a task definition. */
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * True when `tag` may resolve to another image than the one that ran: no tag (Docker pulls `latest`),
 * a branch or environment name (any case), or one of `releasedTags` (the bad release's tags, which
 * may have been re-pushed over the good image's). False for a version (`v1.4.2`, `2026.11.30-abc123`)
 * and for a digest as `imageTag` shows it (`@sha256:…`) or bare (`sha256:…`): a digest names bytes.
 */
export function isMutableTag(tag: string, releasedTags: readonly string[] = []): boolean {
  if (tag.startsWith('@') || tag.startsWith('sha256:')) return false;
  if (tag === '') return true;
  return releasedTags.includes(tag) || MOVING_TAGS.has(tag.toLowerCase());
}

/**
 * The repository part of an image, registry and path kept, tag and digest dropped:
 * `host:5000/team/web:v2@sha256:…` → `host:5000/team/web`. A ':' before the last '/' is a
 * registry port, not a tag.
 */
export function imageRepository(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

/** `repo:tag` (or `repo@old`) and `sha256:…` → `repo@sha256:…`; throws on an empty repository or a malformed digest. */
export function pinnedImage(image: string, digest: string): string {
  const repo = imageRepository(image);
  if (!repo) throw new Error(`cannot pin "${image}": no repository`);
  if (!DIGEST.test(digest)) throw new Error(`cannot pin ${repo} to "${digest}": not a sha256 digest`);
  return `${repo}@${digest}`;
}

/** Short digests, as `docker images` shows them: the full 64 hex digits do not fit a pane. */
const DIGEST_SHOWN = 12;

/**
 * `repo:tag` → tag; `repo@sha256:…` → `@sha256:` + 12 hex; no tag → `latest` (what Docker pulls).
 * A ':' before the last '/' is a registry port (`host:5000/web`), not a tag.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return name.slice(colon + 1);
  if (at >= 0) {
    const digest = image.slice(at + 1);
    const sep = digest.indexOf(':');
    return `@${digest.slice(0, sep + 1 + DIGEST_SHOWN)}`;
  }
  return 'latest';
}

/**
 * The images of `containers`, in order, with each one named in `images` pinned to its digest and the
 * others unchanged: the rule both adapters register a pinned copy by. Throws before anything changes
 * on a name the task definition lacks, a name given twice, a missing digest, or a digest read from
 * another repository than the container's (a digest only means something in its own repository).
 */
export function pinContainerImages(
  what: string,
  containers: readonly { name?: string; image?: string }[],
  images: readonly ContainerImage[],
): string[] {
  const wanted = new Map<string, ContainerImage>();
  for (const img of images) {
    if (wanted.has(img.container)) throw new Error(`${what}: container ${img.container} named twice`);
    if (!img.digest) throw new Error(`${what}: container ${img.container} has no digest to pin`);
    wanted.set(img.container, img);
  }
  const names = new Set(containers.map((c) => c.name));
  for (const name of wanted.keys()) if (!names.has(name)) throw new Error(`${what} has no container ${name}`);
  return containers.map((c) => {
    const image = c.image ?? '';
    const img = c.name === undefined ? undefined : wanted.get(c.name);
    if (!img) return image;
    if (imageRepository(img.image) !== imageRepository(image))
      throw new Error(`${what}: container ${img.container} runs ${image}, not ${img.image}`);
    return pinnedImage(image, img.digest!);
  });
}
