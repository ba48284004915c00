// Whether a snapshot can be trusted by a script: `shipwatch --json | jq .verdict` after a deploy must
// not read success from a run that could not see the service. The service, its alarms and its
// metrics are what the verdict stands on; cost and logs are context, reported but not fatal.
import type { AppState } from '../app/state.js';

const ESSENTIAL = ['service', 'alarms', 'metrics'] as const;
const CONTEXT = ['cost', 'logs'] as const;

export interface SnapshotStatus {
  /** Why the snapshot cannot stand for the service (exit 1), one line each. */
  problems: string[];
  /** What is missing but does not change the verdict (stderr, exit 0). */
  warnings: string[];
}

export function snapshotStatus(s: AppState): SnapshotStatus {
  const missing = (id: (typeof ESSENTIAL)[number] | (typeof CONTEXT)[number]): string | undefined => {
    const slice = id === 'logs' ? s.logs : s[id];
    if (slice.error) return `${id}: ${slice.error}`;
    if (id !== 'logs' && s[id].data === undefined) return `${id}: no data`;
    return undefined;
  };
  return {
    problems: ESSENTIAL.flatMap((id) => missing(id) ?? []),
    warnings: CONTEXT.flatMap((id) => missing(id) ?? []),
  };
}
