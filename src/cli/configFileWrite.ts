// Reading and replacing the config file `shipwatch init` writes: nothing half-written, nothing
// written over an edit made meanwhile.
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';

/** The file's text, or undefined when there is none yet. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`init: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Temp file in the same folder, fsync, rename: a crash leaves the old file or the new one, never
 * half of one. Through a symlink to the file it points at (a dotfiles link stays a link), with the
 * old file's permissions. Refused when the file changed since it was read (an editor saved it).
 */
export function writeAtomically(file: string, text: string, basedOn: string | undefined): void {
  const target = existsSync(file) ? realpathSync(file) : resolve(file);
  if (readText(target) !== basedOn)
    throw new Error(`init: ${file} changed while init ran: nothing written, run it again`);
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      if (basedOn !== undefined) fchmodSync(fd, statSync(target).mode & 0o777);
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`init: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
  try {
    // The rename is durable once the folder is on disk; not every platform can fsync a folder.
    const d = openSync(dir, 'r');
    fsyncSync(d);
    closeSync(d);
  } catch {
    // best effort
  }
}
