// Append-only audit log, JSON Lines. Each entry is written and fsynced before the call it records
// returns control, so a crash or kill -9 between "requested" and the AWS call loses nothing.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AuditEntry, AuditEvent, Who } from '../domain/audit.js';

export function localWho(caller?: string): Who {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep $USER
  }
  return { caller, user, host: hostname() };
}

export class AuditLog {
  constructor(
    readonly path: string,
    private readonly context: { cluster: string; service: string; backend: string },
    private readonly who: () => Who,
  ) {}

  /** Appends one line and fsyncs it; throws when it cannot, so a rollback is not started unrecorded. */
  append(event: AuditEvent, at = new Date()): AuditEntry {
    const entry = { at: at.toISOString(), who: this.who(), ...this.context, ...event } as AuditEntry;
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return entry;
  }
}

/** Reads every complete line; a torn last line (a crash mid-write) is skipped, not fatal. */
export function readAudit(path: string): AuditEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as AuditEntry);
    } catch {
      // torn write: the entries before it stand
    }
  }
  return out;
}
