// Fixes to Ink 6.8 (the newest Ink on Node 20) and its tokenizer, applied at bundle time. The build
// fails if their source no longer has the shape we patch, so an upgrade cannot silently drop them.
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
//    One shared set of caches keeps the unchanged lines' work. The widths caches hold numbers and
//    are bounded like the others; the styled-characters cache holds an object per character of
//    every line (~40 KB for one 120-column line), so 4,096 lines of a log flood came to ~135 MB
//    of heap: it is a least-recently-used cache bounded by characters as well as lines.
// 4. @alcalzone/ansi-tokenize 0.2 (Ink's tokenizer) builds each styled character with an object
//    spread, which on Node 20's V8 gives every character its own hidden class (~340 bytes a
//    character instead of ~120, and slower to make). A plain literal with the same fields, in
//    the same order, shares one.
export const INK_CACHE_LIMIT = 4096;
/** Characters (styled cells) the shared styled-characters cache keeps: 15 screens at 120x36. */
export const INK_STYLED_CHARS_LIMIT = 65_536;

const evictOldest = (map) => `if (${map}.size >= ${INK_CACHE_LIMIT}) ${map}.delete(${map}.keys().next().value);`;

const patches = {
  'measure-text.js': [['cache.set(text, dimensions);', `${evictOldest('cache')} cache.set(text, dimensions);`]],
  'log-update.js': [
    [
      'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
      "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));",
    ],
  ],
  'output.js': [
    ['export default class Output {', 'const sharedOutputCaches = new OutputCaches();\nexport default class Output {'],
    ['caches = new OutputCaches();', 'caches = sharedOutputCaches;'],
    ['styledChars = new Map();', 'styledChars = new Map();\n    styledCharsCount = 0;'],
    [
      /getStyledChars\(line\) \{\s*let cached = this\.styledChars\.get\(line\);\s*if \(cached === undefined\) \{\s*cached = styledCharsFromTokens\(tokenize\(line\)\);\s*this\.styledChars\.set\(line, cached\);\s*\}\s*return cached;\s*\}/,
      `getStyledChars(line) {
        let cached = this.styledChars.get(line);
        if (cached !== undefined) {
            // Most recently used last: the lines that stay on screen are never the ones evicted.
            this.styledChars.delete(line);
        } else {
            cached = styledCharsFromTokens(tokenize(line));
            // A line longer than the whole budget is drawn but not kept.
            if (cached.length > ${INK_STYLED_CHARS_LIMIT}) return cached;
            this.styledCharsCount += cached.length;
            for (const [oldLine, oldChars] of this.styledChars) {
                if (this.styledCharsCount <= ${INK_STYLED_CHARS_LIMIT} && this.styledChars.size < ${INK_CACHE_LIMIT}) break;
                this.styledChars.delete(oldLine);
                this.styledCharsCount -= oldChars.length;
            }
        }
        this.styledChars.set(line, cached);
        return cached;
    }`,
    ],
    ['this.widths.set(text, cached);', `${evictOldest('this.widths')} this.widths.set(text, cached);`],
    ['this.blockWidths.set(text, cached);', `${evictOldest('this.blockWidths')} this.blockWidths.set(text, cached);`],
  ],
  'styledChars.js': [
    [
      /ret\.push\(\{\s*\.\.\.token,\s*styles: \[\.\.\.codes\],\s*\}\);/,
      'ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: [...codes] });',
    ],
  ],
  'wrap-text.js': [
    ['const cache = {};', 'const cache = new Map();'],
    ['const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);'],
    ['cache[cacheKey] = wrappedText;', `${evictOldest('cache')} cache.set(cacheKey, wrappedText);`],
  ],
};

// Where each patched file lives: Ink's own build, or the tokenizer package Ink depends on.
const packageOf = (name) => (name === 'styledChars.js' ? '@alcalzone/ansi-tokenize' : 'ink');

/** Returns the patched source, or null when the file is not one we patch. Throws on a shape mismatch. */
export function patchInkSource(file, source) {
  const name = Object.keys(patches).find((n) => file.replaceAll('\\', '/').endsWith(`/${packageOf(n)}/build/${n}`));
  if (!name) return null;
  let out = source;
  for (const [from, to] of patches[name]) {
    // A function replacement keeps "$" in the patched code literal.
    const next = out.replace(from, () => to);
    if (next === out) {
      throw new Error(`ink patch: "${from}" not found in ${file}; Ink changed, update scripts/ink-patches.mjs`);
    }
    out = next;
  }
  return out;
}

export const inkPatchPlugin = {
  name: 'ink-patches',
  setup(build) {
    const fs = import('node:fs/promises');
    const filter =
      /[\\/](ink[\\/]build[\\/](measure-text|wrap-text|log-update|output)|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars)\.js$/;
    build.onLoad({ filter }, async (args) => {
      const source = await (await fs).readFile(args.path, 'utf8');
      return { contents: patchInkSource(args.path, source) ?? source, loader: 'js' };
    });
  },
};
