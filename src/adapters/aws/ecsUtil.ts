// Small helpers shared by the ECS readers (ecs.ts, ecsTaskDefs.ts, ecsStopped.ts, ecsServiceDeployments.ts).
import { describeAwsError } from './awsErrors.js';

/** Batch APIs cap their ARN lists (DescribeTasks 100, DescribeServiceDeployments/Revisions 20). */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An aborted read must surface as an abort, never be swallowed by a fallback. */
export function rethrowIfAborted(e: unknown, signal: AbortSignal): void {
  if (signal.aborted) throw e;
}

/**
 * Optional ECS calls that failed and were degraded instead of failing the service read, by action,
 * with the one-line reason (e.g. access denied → the README's IAM note). Cleared on the next success.
 */
export class EcsIssues {
  private readonly byAction = new Map<string, string>();

  set(action: string, e: unknown): void {
    this.byAction.set(action, describeAwsError(e, action));
  }

  clear(action: string): void {
    this.byAction.delete(action);
  }

  list(): { action: string; message: string }[] {
    return [...this.byAction].map(([action, message]) => ({ action, message }));
  }
}
