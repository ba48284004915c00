// Append-only audit log, JSON Lines. Each entry is written and fsynced before the call it records
// returns control, so a crash or kill -9 between "requested" and the AWS call loses nothing.
import * as nodeFs from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AuditEntry, AuditEvent, Who } from '../domain/audit.js';
import { sanitizeDeep } from '../domain/sanitize.js';

export { readAudit, type AuditRead } from './auditRead.js';

/** The file calls append makes; tests pass a recorder to see that the fsync happens, and when. */
export type AuditFs = Pick<
  typeof nodeFs,
  'mkdirSync' | 'openSync' | 'fstatSync' | 'readSync' | 'writeSync' | 'fsyncSync' | 'closeSync'
>;

export interface AuditLogOptions {
  fs?: AuditFs;
  /** A torn line was found and set aside: one line for the user (the dashboard's notice). */
  onRepair?: (message: string) => void;
}

export function localWho(caller?: string): Who {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep $USER
  }
  return { caller, user, host: hostname() };
}

const NEWLINE = 0x0a;

export class AuditLog {
  private readonly fs: AuditFs;

  constructor(
    readonly path: string,
    private readonly context: { cluster: string; service: string; backend: string },
    private readonly who: () => Who,
    private readonly options: AuditLogOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
  }

  /** Appends one line and fsyncs it; throws when it cannot, so a rollback is not started unrecorded. */
  append(event: AuditEvent, at = new Date()): AuditEntry {
    // What an entry quotes from outside (a step's first line of output, an AWS message) is data: the
    // file is read by `shipwatch audit`, by tail and by less, so no control sequence goes into it.
    const entry = sanitizeDeep({ at: at.toISOString(), who: this.who(), ...this.context, ...event } as AuditEntry);
    this.fs.mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    // a+: O_APPEND for the write, and readable so the last byte can be checked.
    const fd = this.fs.openSync(this.path, 'a+', 0o600);
    let tornLine: number | undefined;
    try {
      tornLine = this.tornLine(fd);
      // A crash mid-write leaves a line without its newline; gluing the entry onto it would make
      // both unreadable. One write, so the terminator and the entry land together.
      const text = `${tornLine === undefined ? '' : '\n'}${JSON.stringify(entry)}\n`;
      this.fs.writeSync(fd, text);
      this.fs.fsyncSync(fd);
    } finally {
      this.fs.closeSync(fd);
    }
    if (tornLine !== undefined)
      this.options.onRepair?.(`audit log ${this.path}: a torn line ${tornLine} was set aside`);
    return entry;
  }

  /** The number of the last line when it has no newline (a torn write); undefined when the file ends whole. */
  private tornLine(fd: number): number | undefined {
    const size = this.fs.fstatSync(fd).size;
    if (size === 0) return undefined;
    const last = Buffer.alloc(1);
    this.fs.readSync(fd, last, 0, 1, size - 1);
    if (last[0] === NEWLINE) return undefined;
    return this.newlinesIn(fd, size) + 1;
  }

  /** Only on repair, which is rare: the line number is worth one pass over the file then. */
  private newlinesIn(fd: number, size: number): number {
    const chunk = Buffer.alloc(64 * 1024);
    let count = 0;
    for (let pos = 0; pos < size;) {
      const n = this.fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - pos), pos);
      if (n === 0) break;
      for (let i = 0; i < n; i++) if (chunk[i] === NEWLINE) count++;
      pos += n;
    }
    return count;
  }
}
