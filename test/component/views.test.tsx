// The release's three list views (v verdict, E error signatures, T tasks) and the header's verdict,
// on a FakeBackend world where p99 rose 7x on one of two target groups (test/helpers/releaseWorld.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';
import { NEW_ERROR, releaseWorld } from '../helpers/releaseWorld.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.stop());

function open(cols: number, rows = 24) {
  app = renderApp(new FakeBackend(releaseWorld()), { cols, rows });
  const frame = () => app!.lastFrame() ?? '';
  const until = (check: (f: string) => boolean) => waitForFrame(frame, check);
  const marked = () =>
    frame()
      .split('\n')
      .find((r) => r.includes('▶') && !r.includes('▶ ['));
  return { frame, until, marked, app };
}

describe("the header's release verdict", () => {
  it('at 120 columns: the outcome word and the first reason, beside the status word; the rollback target kept', async () => {
    const { until } = open(120);
    const f = await until((x) => x.includes('verdict FAIL'));
    const line2 = f.split('\n')[1]!;
    expect(line2).toMatch(
      / ROLLING {2}verdict FAIL: p99 1200 ms vs 170 ms baseline \(7\.1x, p… · r → web:41 \(v1\.41\.0\)$/,
    );
    expect(line2.length).toBeLessThanOrEqual(120);
  });

  it('at 80 columns: the reason gives way, the outcome word and the whole rollback target stay', async () => {
    const { until } = open(80);
    const f = await until((x) => x.includes('verdict FAIL'));
    const line2 = f.split('\n')[1]!;
    expect(line2).toMatch(/ ROLLING {2}verdict FAIL · r → web:41 \(v1\.41\.0\)$/);
    expect(line2.length).toBeLessThanOrEqual(80);
  });
});

describe('the verdict view (v)', () => {
  it('lists the outcome and score, the reasons, each metric told apart by target group; Enter opens one, Esc back', async () => {
    const { until, marked, app } = open(80);
    await until((x) => x.includes('verdict FAIL'));
    app.press('release.verdict');
    const f = await until((x) => x.includes('Release verdict ·') && x.includes('p99 web-tg'));
    expect(f).toContain('▶FAIL · score 50 · 1 of 2 judged metrics passed');
    expect(f).toContain(`1 new error signature since T+0: "${NEW_ERROR}" ×12`);
    expect(f).toMatch(/ p99 api-tg +FAIL\* +1200 ms vs +170 ms +7\.1x p<0\.001/);
    expect(f).toMatch(/ p99 web-tg +PASS\* +172 ms vs +170 ms +1\.0x p=0\.03/);
    expect(f).toContain('ECS: no failure reported');
    // Down over the reasons (headings are passed over) to the first metric.
    for (let i = 0; i < 4; i++) app.press('view.down');
    await until(() => marked()?.includes('p99 api-tg') ?? false);
    app.press('view.open');
    const d = await until((x) => x.includes('Metric p99 api-tg · FAIL'));
    expect(d).toMatch(/^release +median 1200 ms of 20 points since T\+0$/m);
    // The baseline is as long as the release window so far: 19 of its 20 points fall in it.
    expect(d).toMatch(/^baseline +median 170 ms of 19 points$/m);
    expect(d).toMatch(/^series +p99 \(target group api-tg\)$/m);
    app.press('output.close');
    await until((x) => x.includes('Release verdict ·') && (marked()?.includes('p99 api-tg') ?? false));
    app.press('view.close');
    await until((x) => !x.includes('Release verdict ·') && x.includes('[1] Deployments'));
  });
});

describe('the error signatures view (E)', () => {
  it('lists signatures new first with counts either side of T+0 and the baseline read; Enter opens one whole', async () => {
    const { until, app } = open(100);
    await until((x) => x.includes('verdict FAIL'));
    app.press('release.signatures');
    const f = await until((x) => x.includes('Error signatures ·') && x.includes('baseline: 1 event from'));
    const rows = f.split('\n');
    const fresh = rows.findIndex((r) => r.includes(NEW_ERROR));
    const old = rows.findIndex((r) => r.includes('redis: connection reset by peer'));
    expect(rows[fresh]).toMatch(/▶NEW +12 +0 +0 → 2\.4 +4m ago pq: sorry/);
    expect(rows[old]).toMatch(/│ {11}0 +1 +0\.017 → 0 +5m ago redis/);
    expect(fresh).toBeLessThan(old);
    app.press('view.open');
    const d = await until((x) => x.includes('Error signature #') && x.includes('NEW · Esc closes'));
    expect(d).toMatch(/^lines +12 since T\+0 · 0 before$/m);
    expect(d).toMatch(/^first seen +\S+ \S+ UTC \(T\+00:30\)$/m);
    expect(d).toContain('aws logs filter-log-events --log-group-name /ecs/web');
    // Its first five plain words: a phrase CloudWatch matches exactly.
    expect(d).toContain(`--filter-pattern '"pq: sorry, too many clients"'`);
    app.press('output.close');
    await until((x) => x.includes('Error signatures ·'));
    app.press('view.close');
    await until((x) => !x.includes('Error signatures ·'));
  });
});

describe('the tasks view (T)', () => {
  it('target groups first, unhealthy targets with their reason, then the tasks; Enter opens a stopped task whole', async () => {
    const { until, marked, app } = open(120);
    await until((x) => x.includes('verdict FAIL'));
    app.press('release.tasks');
    const f = await until((x) => x.includes('Tasks and target health ·') && x.includes('7a8f7edf'));
    expect(f).toContain('▶api-tg  1 healthy · 1 unhealthy');
    expect(f).toMatch(
      / {3}10\.0\.2\.9:8080 +unhealthy +us-east-1b +Target\.ResponseCodeMismatch: Health checks failed with these/,
    );
    expect(f).toContain(' web-tg  1 healthy');
    expect(f).toMatch(/ 0f3c1a2b web:42 +us-east-1a +RUNNING +HEALTHY +3m ago +23% +41%/);
    expect(f).toMatch(/ 7a8f7edf web:42 +us-east-1b +STOPPED .*EssentialContainerExited: Essential container/);
    expect(f.indexOf('api-tg')).toBeLessThan(f.indexOf('0f3c1a2b'));
    for (let i = 0; i < 4; i++) app.press('view.down');
    await until(() => marked()?.includes('7a8f7edf') ?? false);
    app.press('view.open');
    const d = await until((x) => x.includes('Task 7a8f7edf · web:42 · STOPPED'));
    expect(d).toMatch(/^web +STOPPED · exit code 137$/m);
    expect(d).toMatch(/^ +OutOfMemoryError: Container killed due to memory usage$/m);
    expect(d).toMatch(/^log-router +STOPPED · exit code 0$/m);
    expect(d).toMatch(/^reason +Essential container in task exited$/m);
    app.press('output.end');
    await until((x) => x.includes('aws ecs describe-tasks --cluster demo --tasks 7a8f7edf11112222333344445555666'));
    app.press('output.close');
    await until((x) => x.includes('Tasks and target health ·') && (marked()?.includes('7a8f7edf') ?? false));
  });
});
