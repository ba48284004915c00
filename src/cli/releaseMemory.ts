// What the dashboard, the snapshot and the report remember of the release: the persisted release,
// the audit log's rollbacks, `--release`; and how a changed release is saved.
import { auditSummary, readAudit } from '../app/auditRead.js';
import { RECORDED_CAP, type InitOptions } from '../app/reducers/rootReducer.js';
import type { AuditEntry } from '../domain/audit.js';
import { readRelease, writeRelease, auditedRollbacks } from '../app/releaseStore.js';
import type { Settings } from '../config/settings.js';
import type { Target } from '../domain/backend.js';
import { errorMessage } from '../domain/errors.js';
import type { Release } from '../domain/release.js';

export interface ReleaseMemory {
  init: Pick<InitOptions, 'release' | 'knownRollbacks' | 'releasePick' | 'recorded'>;
  /** Saves a changed release; returns why it could not, for the key bar. */
  save: (release: Release) => string | undefined;
  /** Why the remembered release could not be read (it is then identified from ECS alone). */
  problem?: string;
}

export function releaseMemory(
  s: Pick<Settings, 'auditPath' | 'release' | 'releasePath'>,
  t: Pick<Target, 'cluster' | 'service'>,
): ReleaseMemory {
  const remembered = s.releasePath ? readRelease(s.releasePath) : {};
  // An unreadable log or a torn line is said in the notice; identification goes on from ECS and the rest.
  const audit = readAudit(s.auditPath);
  const rollbacks = auditedRollbacks(audit.entries, t.cluster, t.service);
  const recorded: AuditEntry[] = audit.entries
    .filter((e) => e.cluster === t.cluster && e.service === t.service)
    .slice(-RECORDED_CAP);
  const samePlace = remembered.release?.cluster === t.cluster && remembered.release?.service === t.service;
  return {
    init: {
      release: samePlace ? remembered.release : undefined,
      knownRollbacks: rollbacks,
      releasePick: s.release,
      recorded,
    },
    problem: [remembered.problem, auditSummary(s.auditPath, audit)].filter(Boolean).join(' · ') || undefined,
    save: (release) => {
      if (!s.releasePath) return undefined;
      try {
        writeRelease(s.releasePath, release);
        return undefined;
      } catch (e) {
        return `release not remembered (${s.releasePath}): ${errorMessage(e)}`;
      }
    },
  };
}
