import { sanitizeLine } from './sanitize.js';

/**
 * One line for a pane, the key bar, the audit log or stderr, whatever was thrown. An error's message
 * often quotes outside text (an AWS message, a file's content), so it is sanitised here, once.
 */
export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e);
  return sanitizeLine(text);
}

/** Bad input from the user (flags, config, runbook): one line, and the exit status to leave with. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * The cloud refused who we are (credentials missing or expired): nothing can be read until the user
 * logs in again. Said on the first read's answer; at start it ends the run with status 3.
 */
export class CredentialsError extends UsageError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 3);
    this.name = 'CredentialsError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * A change (rollback, pin) that did not go through, and whether it may still have taken effect:
 * `answer: 'error'` — refused (AWS answered with an error, or it was never sent): not applied, and
 * the fallback to another method is safe; `answer: 'lost'` — no answer said (reset, timeout, 5xx),
 * and reading the service back found it `not-applied`, or could not tell (`unknown`).
 */
export class MutationError extends Error {
  constructor(
    message: string,
    readonly applied: 'not-applied' | 'unknown',
    readonly answer: 'error' | 'lost',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MutationError';
  }
}

/** Whether a thrown change certainly did nothing. Any other error is one a backend raised before sending. */
export function certainlyNotApplied(e: unknown): boolean {
  return !(e instanceof MutationError) || e.answer === 'error';
}

/** What a failed change did, for the audit log: only a MutationError can say "unknown". */
export function failedOutcome(e: unknown): { outcome: 'not-applied' | 'unknown'; answer?: 'lost' } {
  if (!(e instanceof MutationError)) return { outcome: 'not-applied' };
  return { outcome: e.applied, ...(e.answer === 'lost' ? { answer: 'lost' as const } : {}) };
}
