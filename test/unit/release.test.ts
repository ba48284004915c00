// Which release is watched, and where `r` goes, in every state the on-call meets: each case is a
// wrong target avoided.
import { describe, expect, it } from 'vitest';
import { identifyRelease, type Release } from '../../src/domain/release.js';
import { pickableRevisions, planRollback, type RollbackOp } from '../../src/domain/rollback.js';
import { deployment, ref, service, serviceDeployment } from '../helpers/service.js';

const idle: RollbackOp = { phase: 'idle' };
const none = { rollbacks: [] };
const sds = (list: ReturnType<typeof serviceDeployment>[]) => ({
  serviceDeploymentsAvailable: true,
  serviceDeployments: list,
});
const at = (t: number) => ({ createdAt: 2_000_000 + t });

describe('the release is the newest deployment that is not a rollback', () => {
  it('in flight: the new revision, T+0 its deployment, previous its source', () => {
    const s = service(42, [40, 41, 42], {
      ...sds([serviceDeployment(42, [40], { status: 'IN_PROGRESS', ...at(10) }), serviceDeployment(40, [39], at(1))]),
      deployments: [deployment(42, { rolloutState: 'IN_PROGRESS' }), deployment(40, { status: 'ACTIVE' })],
    });
    expect(identifyRelease(s, none)).toMatchObject({
      released: { ref: ref(42) },
      previous: { ref: ref(40) }, // 41 was registered but never served: not `revision - 1`
      t0: 2_000_010,
    });
  });

  it("rolled back by someone else's UpdateService: the rollback is inside the release, r refuses", () => {
    const s = service(41, [41, 42], sds([serviceDeployment(41, [42], at(20)), serviceDeployment(42, [41], at(10))]));
    const release = identifyRelease(s, none)!;
    expect(release).toMatchObject({ released: { ref: ref(42) }, previous: { ref: ref(41) }, t0: 2_000_010 });
    expect(planRollback(s, idle, false, release).refusal).toBe(
      'already on web:41, the revision serving before release web:42',
    );
  });

  it("rolled back by ECS's circuit breaker: inside the release's own deployment, r refuses", () => {
    const s = service(41, [41, 42], sds([serviceDeployment(42, [41], { status: 'ROLLBACK_SUCCESSFUL' })]));
    const release = identifyRelease(s, none)!;
    expect(release.released.ref).toEqual(ref(42));
    expect(planRollback(s, idle, false, release).refusal).toMatch(/^already on web:41/);
    // while it rolls back, the target named is the good revision, never the failing one
    const rolling = service(41, [41, 42], {
      ...sds([serviceDeployment(42, [41], { status: 'ROLLBACK_IN_PROGRESS' })]),
      deployments: [deployment(41, { rolloutState: 'IN_PROGRESS' }), deployment(42, { status: 'ACTIVE' })],
    });
    const plan = planRollback(rolling, idle, false, identifyRelease(rolling, none));
    expect(plan.target?.ref).toEqual(ref(41));
    expect(plan.refusal).toMatch(/ECS is already rolling back/);
  });

  it('a new release on top of a rolled-back one is a new release, rolling back to what serves now', () => {
    const s = service(
      43,
      [41, 42, 43],
      sds([
        serviceDeployment(43, [41], at(30)),
        serviceDeployment(41, [42], at(20)),
        serviceDeployment(42, [41], at(10)),
      ]),
    );
    const prior = identifyRelease(service(41, [41, 42], sds([serviceDeployment(41, [42], at(20))])), none);
    const release = identifyRelease(s, { prior, rollbacks: [] })!;
    expect(release).toMatchObject({ released: { ref: ref(43) }, previous: { ref: ref(41) }, t0: 2_000_030 });
  });

  it('rolled back by shipwatch, ECS keeping one deployment: the audit log and the remembered release know', () => {
    const prior: Release = {
      cluster: 'demo',
      service: 'web',
      t0: 1_000,
      released: { ref: ref(3), imageTags: ['v1.0.3'] },
      previous: { ref: ref(2), imageTags: ['v1.0.2'] },
      deploymentId: 'ecs-svc/3',
    };
    // AWS: a new deployment on :2 made by the rollback
    const after = service(2, [1, 2, 3], { deployments: [deployment(2, { id: 'ecs-svc/rb', createdAt: 5_000 })] });
    expect(identifyRelease(after, { prior, rollbacks: [] })).toBe(prior);
    const audited = { rollbacks: [{ from: ref(3), to: ref(2), at: 5_030 }] };
    const noPrior = identifyRelease(after, audited);
    // without the remembered release the audit entry still keeps :2 from becoming "the release"
    expect(noPrior?.released.ref).not.toEqual(ref(2));
    const plan = planRollback(after, idle, false, prior);
    expect(plan.refusal).toBe('already on web:2, the revision serving before release web:3');
    // a fresh start without either would offer :1: the case the remembered release exists for
    expect(planRollback(after, idle, false).target?.ref).toEqual(ref(1));
  });

  it('a second watcher that sees the first one roll back (deployments only, rollout under way) refuses', () => {
    const s = service(2, [1, 2, 3], {
      deployments: [
        deployment(2, { id: 'ecs-svc/rb', rolloutState: 'IN_PROGRESS', createdAt: 5_000 }),
        deployment(3, { status: 'ACTIVE', createdAt: 1_000 }),
      ],
    });
    const release = identifyRelease(s, none)!;
    expect(release).toMatchObject({ released: { ref: ref(3) }, t0: 1_000, previous: { ref: ref(2) } });
    expect(planRollback(s, idle, false, release).refusal).toMatch(/^already rolling back to web:2/);
  });

  it('the previous revision deregistered: refuses rather than going further back', () => {
    const s = service(42, [40, 41, 42], sds([serviceDeployment(42, [41])]), [41]);
    const plan = planRollback(s, idle, false, identifyRelease(s, none));
    expect(plan.target?.ref).toEqual(ref(41));
    expect(plan.refusal).toMatch(/web:41 is INACTIVE/);
  });

  it('a restart keeps T+0: the same deployment seen again is the same release', () => {
    const s = service(42, [41, 42], {
      deployments: [deployment(42, { createdAt: 7_000 }), deployment(41, { status: 'ACTIVE', createdAt: 1 })],
    });
    const first = identifyRelease(s, none)!;
    const later = service(42, [41, 42], { deployments: [deployment(42, { createdAt: 7_000 })] });
    expect(identifyRelease(later, { prior: first, rollbacks: [] })).toBe(first);
  });

  it('--release picks another release by revision or deployment id', () => {
    const s = service(
      43,
      [41, 42, 43],
      sds([serviceDeployment(43, [42], at(30)), serviceDeployment(42, [41], at(10))]),
    );
    expect(identifyRelease(s, { rollbacks: [], pick: '42' })?.released.ref).toEqual(ref(42));
    const arn = s.serviceDeployments[1]!.arn;
    expect(identifyRelease(s, { rollbacks: [], pick: arn })?.t0).toBe(2_000_010);
    expect(identifyRelease(s, { rollbacks: [], pick: '7' })).toBeUndefined();
  });
});

describe('R: going further back is a separate, deliberate action', () => {
  it('lists the other ACTIVE revisions newest first, marks what served before, and plans the one picked', () => {
    const s = service(43, [40, 41, 42, 43], sds([serviceDeployment(43, [42])]), [41]);
    const release = identifyRelease(s, none)!;
    const rows = pickableRevisions(s, release);
    expect(rows.map((r) => [r.ref.revision, r.isPrevious])).toEqual([
      [42, true],
      [40, false],
    ]);
    const plan = planRollback(s, idle, false, release, ref(40));
    expect(plan.refusal).toBeUndefined();
    expect(plan.request).toMatchObject({ from: ref(43), to: ref(40), method: 'update-service' });
    expect(plan.target?.source).toBe('picked by hand (R)');
  });

  it('is allowed once back on the previous revision (r refuses there), but not to what already serves', () => {
    const s = service(
      41,
      [40, 41, 42],
      sds([serviceDeployment(41, [42], at(20)), serviceDeployment(42, [41], at(10))]),
    );
    const release = identifyRelease(s, none)!;
    expect(planRollback(s, idle, false, release).refusal).toMatch(/^already on web:41/);
    expect(planRollback(s, idle, false, release, ref(40)).request?.to).toEqual(ref(40));
    expect(planRollback(s, idle, false, release, ref(41)).refusal).toBe('already on web:41');
    expect(planRollback(s, idle, true, release, ref(40)).refusal).toMatch(/read-only/);
  });
});

describe('the released images', () => {
  it('carry the digests that served them, when ECS recorded them', () => {
    const digest = `sha256:${'cd'.repeat(32)}`;
    const s = service(42, [41, 42], {
      ...sds([serviceDeployment(42, [41])]),
      servedImages: { 'web:42': { images: [{ container: 'web', image: 'r/web:v1.42.0', digest }] } },
    });
    expect(identifyRelease(s, none)?.released).toEqual({
      ref: ref(42),
      imageTags: ['v1.42.0'],
      digests: [`web@${digest}`],
    });
    expect(identifyRelease(s, none)?.previous).not.toHaveProperty('digests');
  });
});
