/** One line for a pane or the key bar, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] ?? e.name;
  return String(e);
}
