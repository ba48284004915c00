import { afterEach, describe, expect, it } from 'vitest';
import { deployment, service, taskDef, serviceDeployment } from '../helpers/service.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';

const TITLES = ['Deployments', 'Rollout', 'Alarms', 'Metrics', 'Cost', 'Logs', 'Checklist'];
let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.stop());

const frame = () => app!.lastFrame() ?? '';
const until = (check: (f: string) => boolean) => waitForFrame(frame, check);

describe('App', () => {
  it('shows the header, all seven panes and the key bar at 120x36, in fewer rows than the terminal', async () => {
    app = renderApp(new FakeBackend());
    const f = await until((x) => x.includes('r → web:41'));
    expect(f).toContain('shipwatch · web @ demo · us-east-1 · acct 123456789012 (oncall/me)');
    expect(f).toMatch(/T\+\d\d:\d\d \(\d\d:\d\d UTC\) · 1h\d\dm left/);
    expect(f).toContain(' HEALTHY ');
    for (const [i, t] of TITLES.entries()) expect(f).toContain(`[${i + 1}] ${t}`);
    expect(f).toContain('? help');
    expect(f.split('\n').length).toBeLessThanOrEqual(35);
    expect(Math.max(...f.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });

  it('at 80x24 shows one focused pane; Tab and number keys move focus; resize re-lays out live', async () => {
    app = renderApp(new FakeBackend(), { cols: 80, rows: 24 });
    await until((x) => x.includes('[1] Deployments'));
    const count = () => TITLES.filter((t) => frame().includes(`] ${t}`)).length;
    expect(count()).toBe(1);
    app.press('pane.next');
    await until((x) => x.includes('[2] Rollout'));
    app.press('pane.focus.alarms');
    await until((x) => x.includes('[3] Alarms'));
    expect(count()).toBe(1);
    app.resize(70, 20);
    await until((x) => x.includes('terminal too small (need 80x24), now 70x20'));
    app.resize(120, 36);
    await until((x) => TITLES.every((t) => x.includes(`] ${t}`)));
  });

  it('r opens a dialog naming current and target; any other key cancels and nothing is called', async () => {
    const backend = new FakeBackend();
    app = renderApp(backend);
    await until((x) => x.includes('r → web:41'));
    app.press('release.rollback');
    const f = await until((x) => x.includes('Roll back web on demo?'));
    expect(f).toMatch(/current\s+web:42\s+v1\.42\.0/);
    expect(f).toMatch(/target\s+web:41\s+v1\.41\.0/);
    expect(f).toContain('y roll back now');
    app.stdin.write('x');
    await until((x) => x.includes('rollback cancelled: nothing changed'));
    expect(backend.rollbacks).toEqual([]);
  });

  it('y confirms: the backend is called once and the verdict turns ROLLING BACK, then ROLLED BACK', async () => {
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        deployments: [
          deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }),
          deployment(41, { status: 'ACTIVE' }),
        ],
      }),
    });
    app = renderApp(backend);
    await until((x) => x.includes('r → web:41'));
    app.press('release.rollback');
    await until((x) => x.includes('y roll back now'));
    app.press('dialog.confirm');
    await until((x) => x.includes(' ROLLING BACK '));
    expect(backend.rollbacks).toEqual([
      {
        cluster: 'demo',
        service: 'web',
        from: { family: 'web', revision: 42 },
        to: { family: 'web', revision: 41 },
        method: 'update-service',
        serviceDeploymentArn: undefined,
      },
    ]);
    // ECS finishes: the target is the only deployment, COMPLETED, fully running.
    backend.world.service = service(41, [41, 42]);
    app.controller.poller.refresh('service');
    await until((x) => x.includes(' ROLLED BACK '));
    // A second r refuses from what ECS says, not from memory, and names the release.
    app.press('release.rollback');
    const f = await until((x) => x.includes('Cannot roll back'));
    expect(f).toContain('already on web:41, the revision serving before release web:42');
    expect(f).not.toContain('y roll back now');
  });

  it('a failed rollback is said, does not pin the verdict, rings the bell, and r tries again with new audit entries', async () => {
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        deployments: [
          deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }),
          deployment(41, { status: 'ACTIVE' }),
        ],
      }),
      failRollback: 'ecs:UpdateService: access denied — the IAM policy needs ecs:UpdateService (see README)',
    });
    const bells: string[][] = [];
    const events: string[] = [];
    app = renderApp(backend, {
      hooks: {
        onAttention: (why) => bells.push(why),
        audit: {
          path: 'mem',
          append: (e) => {
            events.push(`${e.kind}:${'phase' in e ? e.phase : ''}`);
            return e as never;
          },
        },
      },
    });
    await until((x) => x.includes('r → web:41'));
    app.press('release.rollback');
    await until((x) => x.includes('y roll back now'));
    app.press('dialog.confirm');
    const failed = await until((x) => x.includes('rollback failed: ecs:UpdateService: access denied'));
    expect(failed).toContain(' ROLLING '); // the service's own state, not FAILED for good
    expect(bells).toEqual([[expect.stringContaining('rollback failed')]]);
    backend.world.failRollback = undefined;
    app.press('release.rollback');
    const dialog = await until((x) => x.includes('y try again now'));
    expect(dialog).toContain('last try web:42 → web:41 FAILED: ecs:UpdateService: access denied');
    app.press('dialog.confirm');
    await until((x) => x.includes(' ROLLING BACK '));
    expect(backend.rollbacks).toHaveLength(2);
    expect(events.filter((e) => e.startsWith('rollback:'))).toEqual([
      'rollback:requested',
      'rollback:failed',
      'rollback:requested',
      'rollback:accepted',
    ]);
  });

  it('R picks a revision further back; Enter opens the dialog for it and y rolls back to exactly that', async () => {
    const backend = new FakeBackend({ service: service(42, [39, 40, 41, 42]) });
    app = renderApp(backend);
    await until((x) => x.includes('r → web:41'));
    app.press('release.pick');
    await until((x) => x.includes('Roll back to which revision?'));
    expect(frame()).toMatch(/> web:41 .*served before the release \(r\)/);
    app.press('picker.down');
    await until((x) => /> web:40 /.test(x));
    app.press('picker.choose');
    const dialog = await until((x) => x.includes('y roll back now'));
    expect(dialog).toMatch(/target +web:40/);
    expect(dialog).toContain('picked by hand (R)');
    app.press('dialog.confirm');
    await until((x) => x.includes(' ROLLING BACK '));
    expect(backend.rollbacks.map((r) => r.to.revision)).toEqual([40]);
  });

  it('p takes the safe path for a mutable tag: a copy pinned by digest, then the rollback to it; r refuses after', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        taskDefinitions: { 'web:41': taskDef(41, 'ACTIVE', 'latest'), 'web:42': taskDef(42) },
        servedImages: {
          'web:41': { images: [{ container: 'web', image: 'registry.example.com/web:latest', digest }] },
        },
        deployments: [
          deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }),
          deployment(41, { status: 'ACTIVE' }),
        ],
      }),
    });
    app = renderApp(backend);
    await until((x) => x.includes('r → web:41'));
    app.press('release.rollback');
    const dialog = await until((x) => x.includes('p pin by digest, then roll back'));
    expect(dialog).toContain('tag latest can point elsewhere now');
    app.press('dialog.pin');
    await until((x) => x.includes(' ROLLING BACK '));
    expect(backend.pins).toEqual([
      {
        ref: { family: 'web', revision: 41 },
        images: [{ container: 'web', image: 'registry.example.com/web:latest', digest }],
      },
    ]);
    expect(backend.rollbacks).toMatchObject([
      { to: { family: 'web', revision: 141 }, method: 'update-service', pinnedFrom: { family: 'web', revision: 41 } },
    ]);
    // ECS finishes on the pinned copy: it stands for what served before the release
    backend.world.service = service(141, [41, 42, 141]);
    app.controller.poller.refresh('service');
    await until((x) => x.includes('rolled back → web:141'));
    app.press('release.rollback');
    await until((x) => x.includes('already on web:141, the revision serving before release web:42'));
  });

  it('refuses in read-only mode with the reason, and the key bar shows r disabled', async () => {
    const backend = new FakeBackend();
    app = renderApp(backend, { readOnly: true });
    const f = await until((x) => x.includes('r → web:41'));
    expect(f).toContain('r rollback (read-only)');
    app.press('release.rollback');
    await until((x) => x.includes('rollback: read-only'));
    app.stdin.write('y');
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.rollbacks).toEqual([]);
  });

  it('shows the refusal in the dialog when ECS is already rolling back', async () => {
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        serviceDeploymentsAvailable: true,
        serviceDeployments: [serviceDeployment(42, [41], { status: 'ROLLBACK_IN_PROGRESS' })],
      }),
    });
    app = renderApp(backend);
    await until((x) => x.includes(' ROLLING BACK '));
    app.press('release.rollback');
    const f = await until((x) => x.includes('Cannot roll back'));
    expect(f).toContain('ECS is already rolling back (ROLLBACK_IN_PROGRESS)');
    app.stdin.write('y');
    await until((x) => !x.includes('Cannot roll back'));
    expect(backend.rollbacks).toEqual([]);
  });

  it('? shows the help generated from the keymap; Esc closes it', async () => {
    app = renderApp(new FakeBackend());
    await until((x) => x.includes('[1] Deployments'));
    app.press('app.help');
    const f = await until((x) => x.includes('Keys (Esc, ? or q closes)'));
    expect(f).toContain('Roll the service back');
    expect(f).toContain('Quit shipwatch');
    // The one setting with a per-minute charge says what the current one costs.
    expect(f).toContain('logs: polling FilterLogEvents, no request charge');
    app.stdin.write('q'); // q closes the help, it does not quit
    await until((x) => x.includes('[1] Deployments'));
    expect(app.quitCalls()).toBe(0);
    app.press('app.quit');
    expect(app.quitCalls()).toBe(1);
  });
});

describe('help at 80x24', () => {
  it('shows the dashboard keys first and says how many it left out, not cutting silently', async () => {
    app = renderApp(new FakeBackend(), { cols: 80, rows: 24 });
    await until((x) => x.includes('[1] Deployments'));
    app.press('app.help');
    const f = await until((x) => x.includes('Keys (Esc, ? or q closes)'));
    // Dashboard keys the 80-column key bar has no room for are here.
    for (const d of ['Filter', 'Roll the service back', 'Quit shipwatch']) expect(f).toContain(d);
    expect(f).toMatch(/… \d+ more keys: a taller terminal shows them, and README "Keys" lists all/);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });
});

describe('rollback method fallback', () => {
  it('falls back to UpdateService when StopServiceDeployment is refused', async () => {
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        serviceDeploymentsAvailable: true,
        serviceDeployments: [serviceDeployment(42, [41], { status: 'IN_PROGRESS' })],
        deployments: [
          deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }),
          deployment(41, { status: 'ACTIVE' }),
        ],
      }),
    });
    const rollback = backend.rollback.bind(backend);
    backend.rollback = async (req) => {
      if (req.method === 'stop-service-deployment') {
        backend.rollbacks.push(req);
        throw new Error('InvalidParameterException: deployment is not in progress');
      }
      return rollback(req);
    };
    app = renderApp(backend);
    await until((x) => x.includes('r → web:41'));
    app.press('release.rollback');
    await until((x) => x.includes('StopServiceDeployment'));
    app.press('dialog.confirm');
    await until((x) => x.includes(' ROLLING BACK '));
    expect(backend.rollbacks.map((r) => r.method)).toEqual(['stop-service-deployment', 'update-service']);
  });
});
