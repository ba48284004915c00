import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { INK_CACHE_LIMIT, patchInkSource } from '../../scripts/ink-patches.mjs';

const inkBuild = join(dirname(createRequire(import.meta.url).resolve('ink')), '.');

async function loadModule(name: string) {
  const file = join(inkBuild, name);
  const patched: string = patchInkSource(file, readFileSync(file, 'utf8'));
  // Run the patched module with its real dependencies: every specifier resolved to a file URL.
  const req = createRequire(file);
  const src = patched.replace(/from '([^']+)'/g, (_m, spec: string) => {
    const target = spec.startsWith('.') ? resolve(dirname(file), spec) : req.resolve(spec);
    return `from '${pathToFileURL(target).href}'`;
  });
  return (await import(`data:text/javascript,${encodeURIComponent(src)}`)).default;
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
