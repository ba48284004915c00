import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { planRollback } from '../../src/domain/rollback.js';
import { RollbackDialog } from '../../src/ui/dialogs/RollbackDialog.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { DIFFERING } from '../helpers/releaseWorld.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';
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
    // The image differs, so d offers the whole diff; it changes nothing, so it stays offered while y waits.
    expect(f).toContain('y not yet (see above) · d whole diff · any other key cancels');
    expect(f).not.toContain('y roll back now');
  });
});

describe('what else the rollback changes', () => {
  const differing = () =>
    service(42, [41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41])],
      taskDefinitions: { 'web:41': DIFFERING.target, 'web:42': DIFFERING.current },
    });

  it('the dialog sums the task definition diff up in a line per container, and offers d for every line', () => {
    const f = frame(differing());
    expect(f).toContain('changes  web: env 4 changed, memory 512 → 1024, command changed');
    expect(f).toContain('y roll back now · d whole diff · any other key cancels');
  });

  it('d opens every line of the diff, secrets masked; y there does nothing; Esc goes back to the dialog', async () => {
    const backend = new FakeBackend({ service: differing() });
    const app = renderApp(backend, { cols: 80, rows: 24 });
    try {
      const frame = () => app.lastFrame() ?? '';
      const until = (check: (f: string) => boolean) => waitForFrame(frame, check);
      await until((x) => x.includes('r → web:41'));
      app.press('release.rollback');
      await until((x) => x.includes('y roll back now'));
      app.press('dialog.diff');
      const d = await until((x) => x.includes('Rollback diff · web:42 → web:41'));
      expect(d).toContain('web env LOG_LEVEL: debug → info');
      expect(d).toContain('web env POOL_SIZE: 200 → 20');
      expect(d).toContain('web env API_TOKEN: •••••• → •••••• (changed)');
      expect(d).not.toContain('new → old');
      expect(d).toContain('web memory: 512 → 1024');
      expect(d).toContain('web command: ["node","server.js","--pool=200"] → ["node","server.js"]');
      app.press('dialog.confirm');
      await new Promise((r) => setTimeout(r, 100));
      expect(backend.rollbacks).toHaveLength(0);
      expect(frame()).toContain('Rollback diff ·');
      app.press('output.close');
      await until((x) => x.includes('y roll back now') && !x.includes('Rollback diff'));
      app.press('dialog.cancel');
      await until((x) => x.includes('rollback cancelled: nothing changed'));
      expect(backend.rollbacks).toHaveLength(0);
    } finally {
      app.stop();
    }
  });
});
