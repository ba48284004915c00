// Ink patches 5-8 (scripts/ink-patches.mjs) on real Ink, bundled as the CLI is: the frames drawn with
// patches 5 and 6 are the frames drawn without them, byte for byte; and a key's frame is written at
// once while background updates wait for the throttle (patch 7).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import xtermHeadless from '@xterm/headless';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { inkPatches } from '../../scripts/ink-patches.mjs';
import { Controller } from '../../src/app/controller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import type { AppState } from '../../src/app/state.js';
import { createStore } from '../../src/app/store.js';
import type { ScenarioName } from '../../src/adapters/demo/index.js';
import { appEnvOf, type AppEnv } from '../../src/ui/AppEnv.js';
import { demoOnClock } from '../helpers/demoClock.js';
import type * as FramesModule from '../helpers/inkFrames.js';
import { TEST_INTERVALS } from '../helpers/renderApp.js';

type Frames = typeof FramesModule;

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'shipwatch-ink-frames-'));

/** test/helpers/inkFrames.tsx bundled with Ink patched as the CLI is, less the `omit` patches. */
async function bundle(name: string, omit: number[]): Promise<Frames> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(root, 'test/helpers/inkFrames.tsx')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': join(root, 'scripts/devtools-stub.mjs') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [inkPatches({ omit })],
  });
  // Ink decides at import whether it runs in CI (then it draws only the last frame): it does not here.
  const ci = Object.entries(process.env).filter(
    ([k]) => k === 'CI' || k.startsWith('CI_') || k === 'CONTINUOUS_INTEGRATION',
  );
  for (const [k] of ci) delete process.env[k];
  try {
    return (await import(pathToFileURL(outfile).href)) as Frames;
  } finally {
    for (const [k, v] of ci) process.env[k] = v;
  }
}

let patched: Frames;
let unpatched: Frames;
beforeAll(async () => {
  [patched, unpatched] = await Promise.all([bundle('patched', []), bundle('without-5-8', [5, 6, 7, 8])]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZES = [
  [80, 24],
  [120, 36],
] as const;

/** The demo's state after it has loaded at T+`at`, and the environment the app reads it with. */
async function demoState(scenario: ScenarioName, at: number): Promise<{ state: AppState; env: AppEnv }> {
  const clock = await demoOnClock({ scenario, seed: 7 });
  clock.at(at);
  const store = createStore(initialState({}));
  const controller = new Controller(clock.backend, store, TEST_INTERVALS);
  controller.start();
  try {
    const until = Date.now() + 5000;
    const loaded = (s: AppState) =>
      [s.service, s.alarms, s.metrics, s.cost].every((x) => x.status === 'ok') && s.logs.lines.length > 20;
    while (!loaded(store.getState()) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  } finally {
    controller.stop();
  }
  expect(store.getState().service.status).toBe('ok');
  const now = clock.backend.now();
  const env = {
    ...appEnvOf(controller, { ascii: false, quit: () => {} }),
    now: () => now,
    tick: { get: () => now, subscribe: () => () => {} },
  };
  return { state: store.getState(), env };
}

describe('Ink patches 5 and 6 (unclipped lines, text layout cache)', () => {
  it('are in the patched bundle only', () => {
    const patchedSource = readFileSync(join(dir, 'patched.mjs'), 'utf8');
    const plainSource = readFileSync(join(dir, 'without-5-8.mjs'), 'utf8');
    for (const shape of ['getUnclippedLine(line, width)', 'layOutText(', 'handOutInput']) {
      expect(patchedSource.includes(shape), shape).toBe(true);
      expect(plainSource.includes(shape), shape).toBe(false);
    }
  });

  it('draw hard lines (wide, zero-width, coloured, linked, clipped, bordered) exactly as Ink does', async () => {
    for (const [cols, rows] of SIZES) {
      // Twice: the second frame is drawn from the caches the first one filled.
      for (let pass = 0; pass < 2; pass++) {
        const want = await unpatched.hardFrame(cols, rows);
        const got = await patched.hardFrame(cols, rows);
        expect(want.split('\n').length).toBe(rows);
        expect(got).toBe(want);
      }
    }
  });

  it('draw the dashboard exactly as Ink does, at 80x24 and 120x36', async () => {
    const states = [
      await demoState('bad-release', 90_000),
      await demoState('log-flood', 600_000),
      await demoState('healthy', 3_600_000),
    ];
    const focuses = ['deployments', 'logs', 'alarms'] as const;
    let frames = 0;
    for (const [i, { state, env }] of states.entries()) {
      for (const [cols, rows] of SIZES) {
        const store = createStore(state);
        store.dispatch({ type: 'ui/focus', pane: focuses[i]! });
        const want = await unpatched.appFrame(store, env, cols, rows);
        expect(want).toContain('shipwatch');
        expect(await patched.appFrame(store, env, cols, rows)).toBe(want);
        store.dispatch({ type: 'ui/overlay', overlay: 'help' });
        expect(await patched.appFrame(store, env, cols, rows)).toBe(await unpatched.appFrame(store, env, cols, rows));
        frames += 2;
      }
    }
    expect(frames).toBe(12);
  });
});

/** A headless terminal fed what Ink wrote; `screen` reads it once xterm has parsed everything. */
function terminal(writes: string[]) {
  const term = new xtermHeadless.Terminal({ cols: 40, rows: 6, allowProposedApi: true });
  let fed = 0;
  return async () => {
    const chunk = writes.slice(fed).join('');
    fed = writes.length;
    await new Promise<void>((r) => term.write(chunk.replace(/\n/g, '\r\n'), r));
    return Array.from({ length: 6 }, (_, i) => term.buffer.active.getLine(i)!.translateToString(true))
      .join('\n')
      .trimEnd();
  };
}

describe('Ink patch 7: keys at once', () => {
  // One frame every 10 s: anything on screen within the test came without waiting for the throttle.
  const MAX_FPS = 0.1;
  // A key's frame is drawn once React has committed its updates (a microtask) and before Node
  // handles anything else; 20 ms is ample and 500 times shorter than the window.
  const turn = () => new Promise((r) => setTimeout(r, 20));

  it("draws a key's frame at once, once, while background updates wait for the throttle", async () => {
    const app = patched.mountKeys(MAX_FPS);
    try {
      const screen = terminal(app.writes);
      expect(await screen()).toBe('background 0\nkeys []');
      // A background update right after a frame: held for the window.
      app.bump();
      await turn();
      expect(await screen()).toBe('background 0\nkeys []');
      // The key's frame, with the held update in it.
      app.press('a');
      await turn();
      expect(await screen()).toBe('background 1\nkeys [a]');
      // One frame for the key: nothing more comes of it (no trailing repaint of the same frame).
      let written = app.writes.length;
      await turn();
      expect(app.writes.length).toBe(written);
      // Background updates stay throttled after the key...
      app.bump();
      await turn();
      expect(await screen()).toBe('background 1\nkeys [a]');
      // ...and the next key is at once again, however soon; a key nobody handles draws nothing.
      app.press('b');
      await turn();
      expect(await screen()).toBe('background 2\nkeys [ab]');
      written = app.writes.length;
      app.press('x');
      await turn();
      expect(app.writes.length).toBe(written);
      // Several keys in one read (typed ahead) are one frame: one synchronized-update block.
      app.press('cd');
      await turn();
      expect(await screen()).toBe('background 2\nkeys [abcd]');
      expect(app.writes.slice(written).filter((w) => w === '\u001b[?2026h')).toHaveLength(1);
    } finally {
      app.unmount();
    }
  });

  it('without the patch the same key waits for the window (the test above would fail)', async () => {
    const app = unpatched.mountKeys(MAX_FPS);
    try {
      const screen = terminal(app.writes);
      expect(await screen()).toBe('background 0\nkeys []');
      app.bump();
      await turn();
      app.press('a');
      await turn();
      expect(await screen()).toBe('background 0\nkeys []');
    } finally {
      app.unmount();
    }
  });
});
