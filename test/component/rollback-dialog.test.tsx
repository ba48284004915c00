import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { planRollback } from '../../src/domain/rollback.js';
import { RollbackDialog } from '../../src/ui/dialogs/RollbackDialog.js';
import { deployment, service, serviceDeployment, taskDef } from '../helpers/service.js';

const DIGEST = `sha256:${'4f1c'.repeat(16)}`;

function frame(s: ReturnType<typeof service>, extra: { blocked?: string; dataAgeMs?: number } = {}) {
  const plan = planRollback(s, { phase: 'idle' }, false);
  return render(
    <RollbackDialog
      service="web"
      cluster="prod"
      plan={plan}
      op={{ phase: 'idle' }}
      now={3_000_000}
      width={90}
      ascii={false}
      {...extra}
    />,
  ).lastFrame()!;
}

describe('RollbackDialog', () => {
  it('shows the digest that last served the target and warns when its tag can point elsewhere', () => {
    const s = service(42, [41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41])],
      taskDefinitions: { 'web:41': taskDef(41, 'ACTIVE', 'latest'), 'web:42': taskDef(42) },
      servedImages: {
        'web:41': {
          images: [{ container: 'web', image: 'registry.example.com/web:latest', digest: DIGEST }],
          at: 2_000_000,
        },
      },
      deployments: [deployment(42)],
    });
    const f = frame(s, { dataAgeMs: 2_000 });
    expect(f).toContain('digest   web: sha256:4f1c4f1…4f1c');
    // (wrapped inside the box)
    expect(f.replace(/[│\s]+/g, ' ')).toContain(
      'tag latest can point elsewhere now: UpdateService pulls what it names today, not the digest above',
    );
    expect(f).toContain('data     2s old (asked again when this opened)');
    expect(f).toContain('y roll back now');
  });

  it('a version tag gets no warning; a wait for fresh data keeps y from acting and says why', () => {
    const s = service(42, [41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41])],
    });
    const f = frame(s, { blocked: 'the service data is 45s old: waiting for a fresh read', dataAgeMs: 45_000 });
    expect(f).not.toContain('can point elsewhere');
    expect(f).toContain('the service data is 45s old: waiting for a fresh read');
    expect(f).toContain('y not yet (see above) · any other key cancels');
    expect(f).not.toContain('y roll back now');
  });
});
