// Two fixes to Ink 6.8 (the newest Ink on Node 20), applied at bundle time. The build fails if
// Ink's source no longer has the shape we patch, so an upgrade cannot silently drop them.
//
// 1. Ink 6.8 keeps every distinct string it ever measured or wrapped (build/measure-text.js,
//    build/wrap-text.js) for the life of the process; a two-hour log stream grows them without
//    end. Ink 8 caps both at 4,096 entries; this bounds them the same way.
// 2. Ink 6.8's incremental renderer (build/log-update.js) rewinds the cursor one row short when
//    the previous frame ended with a newline, which every frame shorter than the terminal does:
//    each repaint lands one row lower than the last and the screen fills with ghost rows. Ink 7
//    rewinds by the full line count; so does this.
// 3. Ink 6.8's Output (build/output.js) makes new text caches for every frame, so each frame
//    re-tokenises and re-measures every line on screen, unchanged or not: most of a frame's CPU.
//    One shared set of caches, bounded like the others, keeps the unchanged lines' work.
export const INK_CACHE_LIMIT = 4096;

const evictOldest = (map) =>
  `if (${map}.size >= ${INK_CACHE_LIMIT}) ${map}.delete(${map}.keys().next().value);`;

const patches = {
  'measure-text.js': [
    ['cache.set(text, dimensions);', `${evictOldest('cache')} cache.set(text, dimensions);`],
  ],
  'log-update.js': [
    [
      'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
      "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));",
    ],
  ],
  'output.js': [
    ['export default class Output {', 'const sharedOutputCaches = new OutputCaches();\nexport default class Output {'],
    ['caches = new OutputCaches();', 'caches = sharedOutputCaches;'],
    ['this.styledChars.set(line, cached);', `${evictOldest('this.styledChars')} this.styledChars.set(line, cached);`],
    ['this.widths.set(text, cached);', `${evictOldest('this.widths')} this.widths.set(text, cached);`],
    ['this.blockWidths.set(text, cached);', `${evictOldest('this.blockWidths')} this.blockWidths.set(text, cached);`],
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
      throw new Error(`ink patch: "${from}" not found in ${file}; Ink changed, update scripts/ink-patches.mjs`);
    }
    out = out.replace(from, to);
  }
  return out;
}

export const inkPatchPlugin = {
  name: 'ink-patches',
  setup(build) {
    const fs = import('node:fs/promises');
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/](measure-text|wrap-text|log-update|output)\.js$/ }, async (args) => {
      const source = await (await fs).readFile(args.path, 'utf8');
      return { contents: patchInkSource(args.path, source) ?? source, loader: 'js' };
    });
  },
};
