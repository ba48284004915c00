import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditedRollbacks, readRelease, writeRelease } from '../../src/app/releaseStore.js';
import { initialState, rootReducer } from '../../src/app/reducers/rootReducer.js';
import type { AuditEntry } from '../../src/domain/audit.js';
import type { Release } from '../../src/domain/release.js';
import { deployment, ref, service } from '../helpers/service.js';

const release: Release = {
  cluster: 'prod',
  service: 'web',
  t0: 1_764_000_000_000,
  released: { ref: ref(3), imageTags: ['v1.0.3'] },
  previous: { ref: ref(2), imageTags: ['v1.0.2'] },
  previousBasis: 'ECS: the source revision of its deployment',
  deploymentId: 'ecs-svc/3',
};

describe('the remembered release', () => {
  it('is written whole (no temporary file left) and read back as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-'));
    const path = join(dir, 'releases', 'x.json');
    writeRelease(path, release);
    expect(readRelease(path)).toEqual({ release });
    expect(readdirSync(join(dir, 'releases'))).toEqual(['x.json']);
  });

  it('a missing file is no release; a torn or foreign one is ignored and said', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-'));
    expect(readRelease(join(dir, 'none.json'))).toEqual({});
    const torn = join(dir, 'torn.json');
    writeFileSync(torn, '{"cluster":"prod","serv');
    expect(readRelease(torn)).toEqual({ problem: `${torn} is not JSON: ignored` });
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, '{"cluster":"prod"}');
    expect(readRelease(foreign).problem).toMatch(/not a release record/);
  });

  it("the audit log's accepted rollbacks of this target only, and those that may have taken effect", () => {
    const base = { who: { user: 'u', host: 'h' }, backend: 'aws', method: 'update-service' };
    const entries = [
      {
        ...base,
        at: '2026-12-01T10:00:00Z',
        cluster: 'prod',
        service: 'web',
        kind: 'rollback',
        phase: 'requested',
        from: ref(3),
        to: ref(2),
      },
      {
        ...base,
        at: '2026-12-01T10:00:01Z',
        cluster: 'prod',
        service: 'web',
        kind: 'rollback',
        phase: 'accepted',
        from: ref(3),
        to: ref(2),
      },
      {
        ...base,
        at: '2026-12-01T10:00:01Z',
        cluster: 'prod',
        service: 'api',
        kind: 'rollback',
        phase: 'accepted',
        from: ref(9),
        to: ref(8),
      },
      // refused by AWS: nothing happened
      {
        ...base,
        at: '2026-12-01T11:00:00Z',
        cluster: 'prod',
        service: 'web',
        kind: 'rollback',
        phase: 'failed',
        from: ref(5),
        to: ref(4),
        outcome: 'not-applied',
      },
      // the answer was lost and the read-back could not tell: it may have happened
      {
        ...base,
        at: '2026-12-01T12:00:00Z',
        cluster: 'prod',
        service: 'web',
        kind: 'rollback',
        phase: 'failed',
        from: ref(7),
        to: ref(6),
        outcome: 'unknown',
        answer: 'lost',
      },
    ] as AuditEntry[];
    expect(auditedRollbacks(entries, 'prod', 'web')).toEqual([
      { from: ref(3), to: ref(2), at: Date.parse('2026-12-01T10:00:01Z') },
      { from: ref(7), to: ref(6), at: Date.parse('2026-12-01T12:00:00Z') },
    ]);
  });
});

describe('a new release on top of the watched one', () => {
  it('is announced, and T+0 moves to it; the same release seen again changes nothing', () => {
    const first = service(3, [2, 3], {
      cluster: 'prod',
      deployments: [
        deployment(3, { id: 'ecs-svc/3', createdAt: 1_000 }),
        deployment(2, { status: 'ACTIVE', createdAt: 1 }),
      ],
    });
    let s = rootReducer(initialState(), { type: 'source/loaded', source: 'service', data: first, at: 5_000 });
    const watched = s.release!;
    expect(watched).toMatchObject({ t0: 1_000, released: { ref: ref(3) }, previous: { ref: ref(2) } });
    s = rootReducer(s, { type: 'source/loaded', source: 'service', data: { ...first }, at: 6_000 });
    expect(s.release).toBe(watched);
    expect(s.releaseChange).toBeUndefined();
    const next = service(4, [2, 3, 4], {
      cluster: 'prod',
      deployments: [
        deployment(4, { id: 'ecs-svc/4', createdAt: 9_000 }),
        deployment(3, { status: 'ACTIVE', createdAt: 1_000 }),
      ],
    });
    s = rootReducer(s, { type: 'source/loaded', source: 'service', data: next, at: 9_500 });
    expect(s.release).toMatchObject({ t0: 9_000, released: { ref: ref(4) }, previous: { ref: ref(3) } });
    expect(s.releaseChange).toEqual({ was: ref(3), now: ref(4), at: 9_500 });
  });
});
