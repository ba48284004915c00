// The watched release, remembered in the state directory so a restart finds the same release (and
// its T+0) even after ECS has forgotten the deployment that made it.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AuditEntry } from '../domain/audit.js';
import type { KnownRollback, Release } from '../domain/release.js';

const ref = z.object({ family: z.string(), revision: z.number().int() });
const images = z.object({ ref, imageTags: z.array(z.string()), digests: z.array(z.string()).optional() });
const releaseSchema = z.object({
  cluster: z.string(),
  service: z.string(),
  t0: z.number(),
  released: images,
  previous: images.optional(),
  previousBasis: z.string().optional(),
  deploymentId: z.string(),
});

/** The remembered release, or undefined (with why) when there is none or it cannot be read. */
export function readRelease(path: string): { release?: Release; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { problem: `cannot read ${path} (${code ?? 'error'})` };
  }
  try {
    const parsed = releaseSchema.safeParse(JSON.parse(text));
    return parsed.success ? { release: parsed.data } : { problem: `${path} is not a release record: ignored` };
  } catch {
    return { problem: `${path} is not JSON: ignored` };
  }
}

/** Written whole or not at all: a temporary file, fsynced, renamed over the old one. */
export function writeRelease(path: string, release: Release): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(release, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * The rollbacks AWS accepted for this target, and those that may have taken effect (answer lost, read
 * back unknown), from the audit log: identification must not take them for releases.
 */
export function auditedRollbacks(entries: AuditEntry[], cluster: string, service: string): KnownRollback[] {
  return entries.flatMap((e) =>
    e.kind === 'rollback' &&
    (e.phase === 'accepted' || (e.phase === 'failed' && e.outcome === 'unknown')) &&
    e.cluster === cluster &&
    e.service === service
      ? [{ from: e.from, to: e.to, at: Date.parse(e.at) }]
      : [],
  );
}
