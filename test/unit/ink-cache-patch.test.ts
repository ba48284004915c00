import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { INK_CACHE_LIMIT, patchInkSource } from '../../scripts/ink-cache-patch.mjs';

const inkBuild = join(dirname(createRequire(import.meta.url).resolve('ink')), '.');

async function load(name: string) {
  const file = join(inkBuild, name);
  const patched: string = patchInkSource(file, readFileSync(file, 'utf8'));
  // Run the patched module with its real dependencies by resolving them from Ink's folder.
  const req = createRequire(file);
  const src = patched.replace(/from '([^.][^']*)'/g, (_m, dep: string) => `from '${req.resolve(dep).replace(/\\/g, '/')}'`.replace("from '", "from 'file://"));
  return (await import(`data:text/javascript,${encodeURIComponent(src)}`)).default as (...a: unknown[]) => unknown;
}

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
