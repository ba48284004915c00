import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { INK_CACHE_LIMIT, patchInkSource } from '../../scripts/ink-patches.mjs';

const inkBuild = join(dirname(createRequire(import.meta.url).resolve('ink')), '.');

/** The patched Ink module with its real dependencies, bundled by esbuild so ESM-only packages resolve. */
async function loadModule(name: string) {
  const file = join(inkBuild, name);
  const patched: string = patchInkSource(file, readFileSync(file, 'utf8'));
  const out = await build({
    stdin: { contents: patched, resolveDir: dirname(file), sourcefile: file, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    // CommonJS dependencies (signal-exit) require Node built-ins, as in the real build.
    banner: { js: `import { createRequire as __cr } from 'node:module'; const require = __cr(${JSON.stringify(file)});` },
  });
  return (await import(`data:text/javascript,${encodeURIComponent(out.outputFiles[0]!.text)}`)).default;
}
const load = async (name: string) => (await loadModule(name)) as (...a: unknown[]) => unknown;

describe('Ink text cache bound', () => {
  it('patches both caches of the installed Ink and fails loudly on an unknown shape', () => {
    for (const name of ['measure-text.js', 'wrap-text.js']) {
      const file = join(inkBuild, name);
      expect(patchInkSource(file, readFileSync(file, 'utf8'))).toContain(`>= ${INK_CACHE_LIMIT}`);
      expect(() => patchInkSource(file, 'export default 1')).toThrow(/Ink changed/);
    }
    expect(patchInkSource('/x/other.js', 'x')).toBeNull();
  });

  it('the patched functions still measure and wrap correctly after many distinct strings', async () => {
    const measure = await load('measure-text.js');
    const wrap = await load('wrap-text.js');
    for (let i = 0; i < INK_CACHE_LIMIT * 3; i++) {
      measure(`line ${i}`);
      wrap(`line ${i} with some words`, 10, 'truncate-end');
    }
    expect(measure('ab\ncde')).toEqual({ width: 3, height: 2 });
    expect(wrap('hello world', 5, 'truncate-end')).toBe('hell…');
    // wrap-ansi with trim:false, as Ink calls it, keeps the space on a line of its own.
    expect(wrap('hello world', 5, 'wrap')).toBe('hello\n \nworld');
  });
});

describe('Ink incremental renderer fix', () => {
  it('repaints changed lines in place on a real terminal screen, frame after frame', async () => {
    const logUpdate = (await loadModule('log-update.js')) as { create: (s: unknown, o: object) => (str: string) => void };
    const term = new xtermHeadless.Terminal({ cols: 20, rows: 6, allowProposedApi: true });
    const write = (s: string) => new Promise<void>((r) => term.write(s, r));
    let pending = '';
    const render = logUpdate.create({ write: (s: string) => (pending += s), isTTY: true }, { incremental: true });
    const frame = async (str: string) => {
      render(str);
      await write(pending.replace(/\n/g, '\r\n'));
      pending = '';
    };
    // Ink hands frames shorter than the terminal to log-update with a trailing newline.
    await frame('header\nA\nB\nkeys\n');
    await frame('header\nA\nX\nkeys\n');
    await frame('header 2\nA\nY\nkeys\n');
    const screen = Array.from({ length: 6 }, (_, i) => term.buffer.active.getLine(i)!.translateToString(true));
    expect(screen).toEqual(['header 2', 'A', 'Y', 'keys', '', '']);
  });
});

describe('Ink output caches shared across frames', () => {
  it('draws the same text as before, with one bounded cache for every frame', async () => {
    const Output = (await loadModule('output.js')) as new (o: { width: number; height: number }) => {
      write(x: number, y: number, text: string, o: { transformers: unknown[] }): void;
      get(): { output: string };
      caches: { styledChars: Map<string, unknown> };
    };
    const frame = (lines: string[]) => {
      const out = new Output({ width: 30, height: lines.length });
      lines.forEach((l, y) => out.write(0, y, l, { transformers: [] }));
      return out;
    };
    const a = frame(['\u001b[31mred\u001b[39m text', '╭─ [1] Deployments ─╮']);
    expect(a.get().output).toBe('\u001b[31mred\u001b[39m text\n╭─ [1] Deployments ─╮');
    const b = frame(['plain']);
    expect(b.caches).toBe(a.caches);
    for (let i = 0; i < INK_CACHE_LIMIT * 2; i++) frame([`log line ${i}`]).get();
    expect(b.caches.styledChars.size).toBeLessThanOrEqual(INK_CACHE_LIMIT);
    expect(frame(['log line 1 again']).get().output).toBe('log line 1 again');
  });
});
