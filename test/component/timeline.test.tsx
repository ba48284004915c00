import { afterEach, describe, expect, it } from 'vitest';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';
import { deployment, service } from '../helpers/service.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.stop());

describe('the timeline overlay', () => {
  it('t shows the release from T+0 with what was done here, Esc closes it', async () => {
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        deployments: [
          deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }),
          deployment(41, { status: 'ACTIVE' }),
        ],
      }),
    });
    app = renderApp(backend, {
      hooks: {
        audit: {
          path: 'mem',
          append: (e) =>
            ({
              ...e,
              at: new Date().toISOString(),
              who: { user: 'jane', host: 'b' },
              cluster: 'demo',
              service: 'web',
              backend: 'demo',
            }) as never,
        },
      },
    });
    const frame = () => app!.lastFrame() ?? '';
    const until = (check: (f: string) => boolean) => waitForFrame(frame, check);
    await until((x) => x.includes('r → web:41'));
    app.press('release.rollback');
    await until((x) => x.includes('y roll back now'));
    app.press('dialog.confirm');
    await until((x) => x.includes(' ROLLING BACK '));
    app.press('release.timeline');
    const f = await until((x) => x.includes('Timeline ·'));
    expect(f).toMatch(/T\+00:00 +T\+0: release web:42 deployed \(before it web:41\)/);
    expect(f).toContain('rollback web:42 → web:41 requested (jane@b)');
    expect(f).toContain('rollback web:42 → web:41 accepted (jane@b)');
    app.press('timeline.close');
    await until((x) => !x.includes('Timeline ·') && x.includes('[1] Deployments'));
  });
});

describe('a timeline line in full', () => {
  it('↑ moves the cursor towards T+0, stopping there; Enter opens the line whole; Esc goes back to it', async () => {
    const long = `(service web) was unable to place a task because no container instance met all of its requirements. ${'x'.repeat(150)} END`;
    const backend = new FakeBackend({
      service: service(42, [41, 42], {
        deployments: [deployment(42, { rolloutState: 'IN_PROGRESS' }), deployment(41, { status: 'ACTIVE' })],
        events: [{ id: 'e1', createdAt: 1_000_000 + 60_000, message: long }],
      }),
    });
    app = renderApp(backend, { cols: 80, rows: 24 });
    const frame = () => app!.lastFrame() ?? '';
    const until = (check: (f: string) => boolean) => waitForFrame(frame, check);
    await until((x) => x.includes('r → web:41'));
    app.press('release.timeline');
    await until((x) => x.includes('Timeline ·') && x.includes('was unable to place'));
    const marked = () =>
      frame()
        .split('\n')
        .find((r) => r.includes('▶')) ?? '';
    // The newest line first; ↑ as far as it goes (more presses than lines) ends on the oldest.
    expect(marked()).toContain('was unable to place');
    for (let i = 0; i < 6; i++) app.press('timeline.up');
    await until(() => marked().includes('deployment web:41 created'));
    // Stopped at the oldest: one ↓ is one line down, not six presses' worth spent past the end.
    app.press('timeline.down');
    await until(() => marked().includes('T+0: release web:42 deployed'));
    app.press('timeline.down');
    app.press('timeline.down');
    await until(() => marked().includes('was unable to place'));
    app.press('timeline.open');
    const f = await until((x) => x.includes('Timeline · ') && x.includes('Esc closes · ↑↓ PgUp'));
    expect(f.replace(/\s+/g, ' ')).toContain(' END');
    expect(f).toMatch(/^at {10}\S+ \S+ UTC \(T\+/m);
    app.press('output.close');
    await until((x) => x.includes('Enter opens') && marked().includes('was unable to place'));
  });
});
