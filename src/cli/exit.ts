// Leaving the process without losing output. process.exit() drops whatever stdout still holds: to a
// pipe that is everything past the first 64 KiB when the reader is slower than us (`| jq`, `| less`),
// and the process would say 0 having printed half a JSON document. So the exit waits for both
// streams to flush. A reader that went away (`| head -1`) is not an error of ours: leave quietly.
import { sanitizeText } from '../domain/sanitize.js';

/** The exit statuses (README: Exit statuses). */
export const EXIT = {
  ok: 0,
  /** Something failed that is not the user's input: AWS unreachable, the service unreadable. */
  failed: 1,
  /** A bad flag, config file or runbook. */
  usage: 2,
  /** AWS credentials missing or expired. */
  credentials: 3,
  sighup: 129,
  sigint: 130,
  sigterm: 143,
} as const;

const flushed = (stream: NodeJS.WriteStream): Promise<void> =>
  new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    // An empty write's callback runs once everything queued before it has been handed to the OS.
    stream.write('', () => resolve());
  });

let quietOnBrokenPipe = false;

/** A closed pipe on stdout ends the run quietly instead of with an unhandled EPIPE. */
export function leaveQuietlyOnBrokenPipe(): void {
  if (quietOnBrokenPipe) return;
  quietOnBrokenPipe = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
}

export async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** One message on stderr, its outside text made safe (an error may quote a file or an AWS answer). */
export function sayError(message: string): void {
  process.stderr.write(`shipwatch: ${sanitizeText(message)}\n`);
}
