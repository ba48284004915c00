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
