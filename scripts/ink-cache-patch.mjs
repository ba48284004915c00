// Ink 6.8 keeps every distinct string it ever measured or wrapped (build/measure-text.js,
// build/wrap-text.js) for the life of the process; a two-hour log stream grows them without end.
// Ink 8 caps both at 4,096 entries, but needs Node 22. This bounds them the same way, at bundle
// time, and fails the build if Ink's source no longer has the shape we patch.
export const INK_CACHE_LIMIT = 4096;

const evictOldest = (map) =>
  `if (${map}.size >= ${INK_CACHE_LIMIT}) ${map}.delete(${map}.keys().next().value);`;

const patches = {
  'measure-text.js': [
    ['cache.set(text, dimensions);', `${evictOldest('cache')} cache.set(text, dimensions);`],
  ],
  'wrap-text.js': [
    ['const cache = {};', 'const cache = new Map();'],
    ['const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);'],
    ['cache[cacheKey] = wrappedText;', `${evictOldest('cache')} cache.set(cacheKey, wrappedText);`],
  ],
};

/** Returns the patched source, or null when the file is not one we patch. Throws on a shape mismatch. */
export function patchInkSource(file, source) {
  const name = Object.keys(patches).find((n) => file.replaceAll('\\', '/').endsWith(`/ink/build/${n}`));
  if (!name) return null;
  let out = source;
  for (const [from, to] of patches[name]) {
    if (!out.includes(from)) {
      throw new Error(`ink cache patch: "${from}" not found in ${file}; Ink changed, update scripts/ink-cache-patch.mjs`);
    }
    out = out.replace(from, to);
  }
  return out;
}

export const inkCachePatchPlugin = {
  name: 'ink-cache-patch',
  setup(build) {
    const fs = import('node:fs/promises');
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/](measure|wrap)-text\.js$/ }, async (args) => {
      const source = await (await fs).readFile(args.path, 'utf8');
      return { contents: patchInkSource(args.path, source) ?? source, loader: 'js' };
    });
  },
};
