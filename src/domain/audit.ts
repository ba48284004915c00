// What the audit log records: one entry per rollback phase, alarm transition and checklist result.
import type { ChecklistKind, ChecklistPhase, TaskDefRef } from './model.js';

export interface Who {
  /** The AWS caller ARN from STS; undefined until identity is known. */
  caller?: string;
  user: string;
  host: string;
}

/** Whether a change sent to AWS took effect, as far as its answer (or the read-back after a lost one) says. */
export type MutationOutcome = 'applied' | 'not-applied' | 'unknown';

export type AuditEvent =
  | {
      kind: 'rollback';
      phase: 'requested' | 'accepted' | 'rolled-back' | 'failed';
      from: TaskDefRef;
      to: TaskDefRef;
      method: string;
      source?: string;
      error?: string;
      /** Of an `accepted` or `failed` call: whether it took effect (`unknown`: the read-back failed too). */
      outcome?: MutationOutcome;
      /** The call's answer was lost; `outcome` is what reading the service back found. */
      answer?: 'lost';
    }
  | { kind: 'alarm'; alarm: string; from?: string; to: string; reason?: string }
  | {
      /** A revision copied with its images pinned by digest, before rolling back to the copy. */
      kind: 'pin';
      phase: 'requested' | 'registered' | 'failed';
      from: TaskDefRef;
      to?: TaskDefRef;
      images: string[];
      error?: string;
      outcome?: MutationOutcome;
      answer?: 'lost';
    }
  | {
      /** A release first watched, or a new one that replaced `replaced`. */
      kind: 'release';
      released: TaskDefRef;
      previous?: TaskDefRef;
      t0: string;
      deploymentId: string;
      replaced?: TaskDefRef;
    }
  | {
      kind: 'checklist';
      step: string;
      title: string;
      phase: ChecklistPhase;
      stepKind: ChecklistKind;
      status: string;
      durationMs?: number;
      /** sha256 of the full output, so the record can be checked against a saved copy. */
      outputDigest?: string;
      /** The first line of the output (why it passed or failed). */
      summary?: string;
    };

export type AuditEntry = AuditEvent & { at: string; who: Who; cluster: string; service: string; backend: string };
