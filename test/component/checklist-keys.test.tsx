// The checklist keys end to end inside the app: real shell commands and a real local HTTP server
// run behind c/Enter, a, x, Space, o and Ctrl-C.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistStepDef } from '../../src/domain/model.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.stop());
const frame = () => app!.lastFrame() ?? '';
const until = (check: (f: string) => boolean, ms?: number) => waitForFrame(frame, check, ms);

let server: Server;
let base = '';
const hits: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.statusCode = req.url === '/broken' ? 503 : 200;
    res.setHeader('content-type', 'application/json');
    res.end(req.url === '/broken' ? '{"status":"down"}' : '{"status":"healthy"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const cmd = (id: string, run: string, extra: Partial<ChecklistStepDef> = {}): ChecklistStepDef => ({
  id,
  title: `run ${id}`,
  phase: 'post',
  kind: 'command',
  command: { run, timeoutMs: 30_000, expect: {} },
  ...extra,
});
const http = (id: string, path: string): ChecklistStepDef => ({
  id,
  title: `GET ${path}`,
  phase: 'pre',
  kind: 'http',
  http: {
    method: 'GET',
    url: `${base}${path}`,
    timeoutMs: 5000,
    expect: { json: [{ path: 'status', equals: 'healthy' }] },
  },
});
const row = (f: string, title: string) => f.split('\n').find((l) => l.includes(title)) ?? '';

async function open(steps: ChecklistStepDef[]) {
  // 80x24 shows the focused pane alone, tall enough for every step and its failure line.
  app = renderApp(new FakeBackend(), { checklist: steps, cols: 80, rows: 24 });
  await until((f) => f.includes('[1] Deployments'));
  app.press('pane.focus.checklist');
  await until((f) => f.includes('[7] Checklist'));
}

describe('checklist keys', () => {
  it('c runs the selected command without freezing the UI; x cancels it; o shows its command and output', async () => {
    await open([cmd('slow', 'echo started; sleep 30')]);
    app!.press('checklist.run');
    await until((f) => row(f, 'run slow').includes('[..]'));
    // The UI keeps answering while the step runs: focus moves and comes back.
    app!.press('pane.focus.logs');
    await until((f) => f.includes('[6] Logs') && !f.includes('[7] Checklist'));
    app!.press('pane.focus.checklist');
    await until((f) => row(f, 'run slow').includes('[..]'));
    // o follows the output while the command still runs.
    app!.press('checklist.output');
    await until((x) => x.includes('Esc closes') && x.includes('running') && /^│?\s*│?\s*started/m.test(x));
    app!.press('output.close');
    await until((x) => !x.includes('Esc closes'));
    app!.press('checklist.cancel');
    await until((f) => row(f, 'run slow').includes('[FAIL]'));
    expect(frame()).toContain('cancelled (process group killed)');
    app!.press('checklist.output');
    const f = await until((x) => x.includes('Esc closes'));
    expect(f).toContain('$ echo started; sleep 30');
    expect(f).toContain('started');
    app!.press('output.close');
    await until((x) => !x.includes('Esc closes'));
  });

  it('Ctrl-C while a step runs cancels the step and keeps the dashboard; Ctrl-C with nothing running quits', async () => {
    await open([cmd('slow', 'sleep 30')]);
    app!.press('checklist.run');
    await until((f) => row(f, 'run slow').includes('[..]'));
    app!.press('app.interrupt');
    await until((f) => f.includes('step cancelled (Ctrl-C again quits)'));
    await until((f) => row(f, 'run slow').includes('[FAIL]'));
    expect(app!.quitCalls()).toBe(0);
    app!.press('app.interrupt');
    await until(() => app!.quitCalls() === 1);
  });

  it('Space ticks a manual step and unticks it; c on a step with placeholders refuses and names them', async () => {
    await open([
      { id: 'm', title: 'Notify #releases', phase: 'pre', kind: 'manual' },
      cmd('tag', 'docker pull repo:v1.X.Y', { placeholders: ['v1.X.Y'] }),
    ]);
    app!.press('checklist.tick');
    await until((f) => row(f, 'Notify #releases').includes('[ok]'));
    app!.press('checklist.tick');
    await until((f) => row(f, 'Notify #releases').includes('[  ]'));
    app!.press('scroll.down');
    await until((f) => f.includes('fill first: v1.X.Y'));
    app!.press('checklist.run');
    await until((f) => f.includes('not run: fill v1.X.Y'));
    expect(row(frame(), 'run tag')).toContain('[  ]');
  });

  it('a runs the automatic steps in order and stops at the first failure; commands are never run by a', async () => {
    hits.length = 0;
    await open([http('ok', '/health'), http('bad', '/broken'), http('later', '/later'), cmd('never', 'echo never')]);
    app!.press('checklist.runAll');
    await until((f) => row(f, 'GET /broken').includes('[FAIL]'));
    expect(row(frame(), 'GET /health')).toContain('[ok]');
    expect(row(frame(), 'GET /later')).toContain('[  ]');
    expect(row(frame(), 'run never')).toContain('[  ]');
    expect(hits).toEqual(['/health', '/broken']);
  });
});

describe('commands that change things', () => {
  const apply = (marker: string) => cmd('apply', `terraform apply plan.tfplan 2>/dev/null; echo ran > ${marker}`);

  it('c shows the whole command and what it changes; only y runs it, any other key cancels', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const marker = join(mkdtempSync(join(tmpdir(), 'sw-confirm-')), 'ran');
    await open([apply(marker)]);
    await until((f) => f.includes('changes things (terraform apply, > '));
    app!.press('checklist.run');
    const f = await until((x) => x.includes('Run "run apply"?'));
    expect(f).toContain(`it changes things: terraform apply, > ${marker.slice(0, 20)}`);
    expect(f).toContain('$ terraform apply plan.tfplan 2>/dev/null; echo ran >');
    app!.stdin.write('z');
    await until((x) => x.includes('not run: nothing changed'));
    expect(existsSync(marker)).toBe(false);
    app!.press('checklist.run');
    await until((x) => x.includes('y run it now'));
    app!.press('confirm.run');
    await until((x) => /\[(ok|FAIL)\]/.test(row(x, 'run apply')));
    expect(existsSync(marker)).toBe(true);
  });

  it('c on a command it cannot tell only reads asks too, with every line of it and the reason', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const marker = join(mkdtempSync(join(tmpdir(), 'sw-unknown-')), 'ran');
    await open([cmd('notify', `grep -c ERROR /dev/null\n./notify.sh --channel ops || touch ${marker}`)]);
    app!.press('checklist.run');
    const f = await until((x) => x.includes('Run "run notify"?'));
    expect(f).toContain('shipwatch cannot tell that ./notify.sh only reads');
    expect(f).toContain('it changes things: touch');
    expect(f).toContain('$ grep -c ERROR /dev/null');
    expect(f).toContain('$ ./notify.sh --channel ops || touch');
    app!.stdin.write('n');
    await until((x) => x.includes('not run: nothing changed'));
    expect(existsSync(marker)).toBe(false);
  });

  it('--read-only refuses commands that change things and commands it cannot tell only read; known readers run', async () => {
    app = renderApp(new FakeBackend(), {
      readOnly: true,
      cols: 80,
      rows: 24,
      checklist: [
        cmd('apply', 'terraform apply x'),
        cmd('script', 'bash deploy.sh'),
        cmd('look', 'echo \'{"status":"healthy"}\' | jq -r .status'),
      ],
    });
    await until((f) => f.includes('[1] Deployments'));
    app.press('pane.focus.checklist');
    app.press('checklist.run');
    await until((f) => f.includes('not run: read-only mode: it changes things (terraform apply)'));
    expect(frame()).not.toContain('y run it now');
    app.press('scroll.down');
    app.press('checklist.run');
    await until((f) => f.includes('not run: read-only mode: shipwatch cannot tell that bash deploy.sh only reads'));
    app.press('scroll.down');
    app.press('checklist.run');
    await until((f) => row(f, 'run look').includes('[ok]'));
  });
});

describe('keys arriving together', () => {
  it('"jj" in one read moves the selection twice, as two presses', async () => {
    await open([cmd('one', 'true'), cmd('two', 'true'), cmd('three', 'true')]);
    app!.stdin.write('jj');
    await until((f) => row(f, 'run three').startsWith('│>') || row(f, 'run three').includes('> ['));
    expect(row(frame(), 'run one')).not.toContain('> [');
  });

  it('pasted text is not split into commands: "every" neither opens nor confirms a rollback', async () => {
    const backend = new FakeBackend();
    app = renderApp(backend, { cols: 80, rows: 24 });
    await until((f) => f.includes('r → web:41'));
    app.stdin.write('every');
    await new Promise((r) => setTimeout(r, 200));
    expect(frame()).not.toContain('Roll back web');
    expect(backend.rollbacks).toEqual([]);
  });

  it('a key right after the one that opened a view goes to that view, before any re-render', async () => {
    await open([cmd('one', 'echo hello')]);
    app!.press('checklist.run');
    await until((f) => row(f, 'run one').includes('[ok]'));
    // o opens the output, o closes it, j moves the selection: in one synchronous burst.
    app!.stdin.write('o');
    app!.stdin.write('o');
    app!.stdin.write('j');
    await until((f) => !f.includes('Esc closes'));
    expect(app!.store.getState().ui.overlay).toBe('none');
  });
});
