// Audit logs for tests: `audit.jsonl` in a temp folder of its own, written or not, and a rollback
// entry shaped as the log holds it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `audit.jsonl` in a new temp folder; nothing is written. */
export const freshAuditPath = (prefix = 'shipwatch-audit-'): string =>
  join(mkdtempSync(join(tmpdir(), prefix)), 'audit.jsonl');

/** A new audit file holding exactly `content`. */
export function auditFileWith(content: string | Buffer, prefix?: string): string {
  const path = freshAuditPath(prefix);
  writeFileSync(path, content);
  return path;
}

/** A rollback of prod/web from web:42 to web:41 as one line of the log records it (before JSON). */
export const ROLLBACK_ENTRY = {
  at: '2026-11-23T10:00:00.000Z',
  who: { user: 'jane', host: 'bastion-1' },
  cluster: 'prod',
  service: 'web',
  backend: 'aws',
  kind: 'rollback',
  phase: 'requested',
  from: { family: 'web', revision: 42 },
  to: { family: 'web', revision: 41 },
  method: 'update-service',
};
