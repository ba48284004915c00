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
// 5. Ink 6.8's Output.get (build/output.js) runs sliceAnsi over every line inside a clipping box
//    (every pane), clipped or not: 36 % of a 120x36 frame's CPU. A line the clip region holds whole
//    is sliced from 0 to its own width, whose result depends on the line alone: printable ASCII is
//    its own slice, and any other line's slice is kept in a bounded cache, so nothing changes but
//    the work.
// 6. Ink 6.8's renderNodeToOutput (build/render-node-to-output.js) measures every text node's
//    widest line again on every frame, uncached (21 % of a frame), before deciding to wrap it. The
//    width, and the wrapped text for the node's width and wrap mode, are kept per text, bounded.
// 7. Ink's maxFps throttle holds a key's frame up to 100 ms behind a log batch that just drew: the
//    commit lands in a millisecond, the screen a window later. Commits made while Ink hands out the
//    events of one stdin read (components/App.js: every useInput and internal_eventEmitter reader)
//    are drawn once, when the read has been handled, at once: the pending background frame is
//    dropped (the key's frame shows its changes too) and the throttle window restarts from the
//    key's frame, so background updates stay at maxFps and no frame is drawn twice.
// 8. Ink 6.8's Output.get (build/output.js) builds every row of every frame from scratch: a blank
//    cell object per column, each write's characters placed, the row turned back into a string
//    (styledCharsToString, diffAnsiCodes: two thirds of an idle frame, where only the header's clock
//    changed). A row is a function of the width and its writes in order (x and text, after
//    clipping and transforms), so each row's writes are collected first and the row's string is
//    kept per distinct set of writes, bounded like the others.
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
    // 5: a line the clip region holds whole.
    [
      'class OutputCaches {',
      `// Printable ASCII: one column a character and no escapes, so a slice of its whole width is itself.
const printableAscii = /^[\\x20-\\x7e]*$/;
class OutputCaches {
    unclippedLines = new Map();
    getUnclippedLine(line, width) {
        if (printableAscii.test(line)) return line;
        let cached = this.unclippedLines.get(line);
        if (cached === undefined) {
            cached = sliceAnsi(line, 0, width);
            // Most slices are the line itself: keep one copy of it.
            if (cached === line) cached = line;
            ${evictOldest('this.unclippedLines')}
            this.unclippedLines.set(line, cached);
        }
        return cached;
    }`,
    ],
    [
      'return sliceAnsi(line, from, to);',
      'return from === 0 && to === width ? this.caches.getUnclippedLine(line, width) : sliceAnsi(line, from, to);',
    ],
    // 8: rows drawn once per distinct set of writes.
    [
      /const output = \[\];\s*for \(let y = 0; y < this\.height; y\+\+\) \{\s*const row = \[\];\s*for \(let x = 0; x < this\.width; x\+\+\) \{\s*row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],\s*\}\);\s*\}\s*output\.push\(row\);\s*\}/,
      `// Each row's writes in order, x then text: the row is drawn from them by getRow.
        const output = [];
        for (let y = 0; y < this.height; y++) output.push([]);`,
    ],
    [
      /const characters = this\.caches\.getStyledChars\(line\);\s*let offsetX = x;\s*for \(const character of characters\) \{[\s\S]*?offsetX \+= characterWidth;\s*\}\s*offsetY\+\+;/,
      `currentLine.push(x, line);
                    offsetY++;`,
    ],
    [
      /const generatedOutput = output\s*\.map\(line => \{[\s\S]*?return styledCharsToString\(lineWithoutEmptyItems\)\.trimEnd\(\);\s*\}\)\s*\.join\('\\n'\);/,
      "const generatedOutput = output.map((writes) => this.caches.getRow(this.width, writes)).join('\\n');",
    ],
    [
      'class OutputCaches {',
      `class OutputCaches {
    rows = new Map();
    getRow(width, writes) {
        const key = width + '\\u0001' + writes.join('\\u0001');
        let cached = this.rows.get(key);
        if (cached !== undefined) return cached;
        const row = [];
        for (let x = 0; x < width; x++) row.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
        for (let i = 0; i < writes.length; i += 2) {
            let offsetX = writes[i];
            for (const character of this.getStyledChars(writes[i + 1])) {
                row[offsetX] = character;
                // Determine printed width using string-width to align with measurement
                const characterWidth = Math.max(1, this.getStringWidth(character.value));
                // For multi-column characters, clear following cells to avoid stray spaces/artifacts
                for (let index = 1; index < characterWidth; index++) {
                    row[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
                }
                offsetX += characterWidth;
            }
        }
        // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
        cached = styledCharsToString(row.filter((item) => item !== undefined)).trimEnd();
        ${evictOldest('this.rows')}
        this.rows.set(key, cached);
        return cached;
    }`,
    ],
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
  'render-node-to-output.js': [
    [
      'const applyPaddingToText = ',
      `// Each text's widest line, and its wrapped form for the last width and wrap mode it was drawn at.
const textLayouts = new Map();
const layOutText = (text, maxWidth, textWrap) => {
    let layout = textLayouts.get(text);
    if (layout === undefined) {
        layout = { width: widestLine(text), maxWidth: undefined, textWrap: undefined, wrapped: text };
        ${evictOldest('textLayouts')}
        textLayouts.set(text, layout);
    }
    // As Ink does: wrap only text wider than the box (a NaN width wraps nothing).
    if (!(layout.width > maxWidth)) return text;
    if (layout.maxWidth !== maxWidth || layout.textWrap !== textWrap) {
        layout.wrapped = wrapText(text, maxWidth, textWrap);
        layout.maxWidth = maxWidth;
        layout.textWrap = textWrap;
    }
    return layout.wrapped;
};
const applyPaddingToText = `,
    ],
    [
      /const currentWidth = widestLine\(text\);\s*const maxWidth = getMaxWidth\(yogaNode\);\s*if \(currentWidth > maxWidth\) \{\s*const textWrap = node\.style\.textWrap \?\? 'wrap';\s*text = wrapText\(text, maxWidth, textWrap\);\s*\}/,
      "text = layOutText(text, getMaxWidth(yogaNode), node.style.textWrap ?? 'wrap');",
    ],
  ],
  'ink.js': [
    [
      /^(\s*)hasPendingThrottledRender = false;$/m,
      (line, indent) => `${line}
${indent}// Patch 7: whether Ink is handing out a stdin read, and whether the read's updates committed.
${indent}inputDepth = 0;
${indent}inputCommitted = false;
${indent}handOutInput = (handOut) => {
${indent}    this.inputDepth++;
${indent}    try {
${indent}        // Keys are discrete updates, as in a browser: React commits them when the read has been
${indent}        // handed out, not in a scheduler task after it.
${indent}        reconciler.flushSyncFromReconciler(handOut);
${indent}    }
${indent}    finally {
${indent}        if (--this.inputDepth === 0 && this.inputCommitted) this.drawInputFrame();
${indent}    }
${indent}};
${indent}drawInputFrame = () => {
${indent}    this.inputCommitted = false;
${indent}    if (this.isUnmounted) return;
${indent}    // The key's frame now. The pending background frame is dropped (this one shows its changes
${indent}    // too) and, throttle() being leading-edge, the call draws at once and starts a new window.
${indent}    this.hasPendingThrottledRender = true;
${indent}    this.throttledOnRender.cancel();
${indent}    this.throttledOnRender();
${indent}};`,
    ],
    [
      /this\.rootNode\.onRender = \(\) => \{\s*this\.hasPendingThrottledRender = true;\s*throttled\(\);\s*\};/,
      `this.rootNode.onRender = () => {
                // A key's commit: drawn once, when the whole read has been handed out.
                if (this.inputDepth > 0) {
                    this.inputCommitted = true;
                    return;
                }
                this.hasPendingThrottledRender = true;
                throttled();
            };`,
    ],
    ['onExit: this.handleAppExit }', 'onExit: this.handleAppExit, onInput: this.handOutInput }'],
  ],
  'components/App.js': [
    [/(function App\(\{[^}]*setCursorPosition, )\}\)/, (_, head) => `${head}onInput = (handOut) => handOut(), })`],
    [
      /let chunk;\s*(?:\/\/[^\n]*\s*)?while \(\(chunk = stdin\.read\(\)\) !== null\) \{\s*const inputEvents = inputParserRef\.current\.push\(chunk\);\s*for \(const input of inputEvents\) \{\s*emitInput\(input\);\s*\}\s*\}/,
      (loop) => `// Patch 7: the read is handed out as one: its updates commit and draw together, at once.
        onInput(() => {
            ${loop}
        });`,
    ],
    ['emitInput(pendingEscape);', 'onInput(() => emitInput(pendingEscape));'],
  ],
};

// Where each patched file lives: Ink's own build, or the tokenizer package Ink depends on.
const packageOf = (name) => (name === 'styledChars.js' ? '@alcalzone/ansi-tokenize' : 'ink');

/** The numbered patches above that touch each file (a test builds Ink without some of them). */
const numbers = {
  'measure-text.js': () => 1,
  'log-update.js': () => 2,
  'output.js': (i) => (i < 6 ? 3 : i < 8 ? 5 : 8),
  'styledChars.js': () => 4,
  'wrap-text.js': () => 1,
  'render-node-to-output.js': () => 6,
  'ink.js': () => 7,
  'components/App.js': () => 7,
};

/** Patch numbers to leave out, for tests comparing Ink with and without them: SHIPWATCH_INK_PATCHES_OMIT=5,6 */
export const omittedFromEnv = (env = process.env) =>
  (env.SHIPWATCH_INK_PATCHES_OMIT ?? '').split(',').filter(Boolean).map(Number);

/**
 * Returns the patched source, or null when the file is not one we patch. Throws on a shape mismatch.
 * `omit` lists patch numbers to leave out (tests only).
 */
export function patchInkSource(file, source, { omit = [] } = {}) {
  const name = Object.keys(patches).find((n) => file.replaceAll('\\', '/').endsWith(`/${packageOf(n)}/build/${n}`));
  if (!name) return null;
  let out = source;
  for (const [i, [from, to]] of patches[name].entries()) {
    if (omit.includes(numbers[name](i))) continue;
    // A function replacement keeps "$" in the patched code literal; a function patch gets the match.
    const next = out.replace(from, typeof to === 'function' ? to : () => to);
    if (next === out) {
      throw new Error(`ink patch: "${from}" not found in ${file}; Ink changed, update scripts/ink-patches.mjs`);
    }
    out = next;
  }
  return out;
}

/** The esbuild plugin; `omit` (default: SHIPWATCH_INK_PATCHES_OMIT) leaves patches out, for tests only. */
export const inkPatches = ({ omit = omittedFromEnv() } = {}) => ({
  name: 'ink-patches',
  setup(build) {
    const fs = import('node:fs/promises');
    const filter =
      /[\\/](ink[\\/]build[\\/](measure-text|wrap-text|log-update|output|render-node-to-output|ink|components[\\/]App)|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars)\.js$/;
    build.onLoad({ filter }, async (args) => {
      const source = await (await fs).readFile(args.path, 'utf8');
      return { contents: patchInkSource(args.path, source, { omit }) ?? source, loader: 'js' };
    });
  },
});

export const inkPatchPlugin = inkPatches();
