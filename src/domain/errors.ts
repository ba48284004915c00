/** One line for a pane or the key bar, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] ?? e.name;
  return String(e);
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
