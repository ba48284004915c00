import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { INK_CACHE_LIMIT, INK_STYLED_CHARS_LIMIT, patchInkSource } from '../../scripts/ink-patches.mjs';

const inkBuild = join(dirname(createRequire(import.meta.url).resolve('ink')), '.');
// Ink's tokenizer, found from Ink as the bundle finds it (it is ESM-only, so require.resolve cannot).
const tokenizeBuild = join(
  createRequire(join(inkBuild, 'output.js'))
    .resolve.paths('@alcalzone/ansi-tokenize')!
    .map((dir) => join(dir, '@alcalzone/ansi-tokenize'))
    .find((dir) => existsSync(join(dir, 'package.json')))!,
  'build',
);

/** A module's bundled source, patched (or not), with its real dependencies. */
async function bundle(file: string, patch = true): Promise<string> {
  const source = readFileSync(file, 'utf8');
  const contents: string = patch ? patchInkSource(file, source) : source;
  const out = await build({
    stdin: { contents, resolveDir: dirname(file), sourcefile: file, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    // CommonJS dependencies (signal-exit) require Node built-ins, as in the real build.
    banner: {
      js: `import { createRequire as __cr } from 'node:module'; const require = __cr(${JSON.stringify(file)});`,
    },
  });
  return out.outputFiles[0]!.text;
}

const importText = async (text: string) => import(`data:text/javascript,${encodeURIComponent(text)}`);

/** The patched Ink module with its real dependencies, bundled by esbuild so ESM-only packages resolve. */
async function loadModule(name: string) {
  return (await importText(await bundle(join(inkBuild, name)))).default;
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
    const logUpdate = (await loadModule('log-update.js')) as {
      create: (s: unknown, o: object) => (str: string) => void;
    };
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

type OutputCtor = new (o: { width: number; height: number }) => {
  write(x: number, y: number, text: string, o: { transformers: unknown[] }): void;
  get(): { output: string };
  caches: { styledChars: Map<string, unknown[]>; styledCharsCount: number };
};

describe('Ink styled-characters cache bound', () => {
  it('keeps at most INK_STYLED_CHARS_LIMIT characters through a log flood, and the lines that stay on screen', async () => {
    const Output = (await loadModule('output.js')) as OutputCtor;
    const width = 120;
    const header = '\u001b[1mshipwatch\u001b[22m web · prod-eu · HEALTHY';
    const frame = (lines: string[]) => {
      const out = new Output({ width, height: lines.length });
      lines.forEach((l, y) => out.write(0, y, l, { transformers: [] }));
      return out.get().output;
    };
    frame([header]);
    const caches = new Output({ width, height: 1 }).caches;
    const headerChars = caches.styledChars.get(header);
    expect(headerChars).toHaveLength('shipwatch web · prod-eu · HEALTHY'.length);
    // A flood of full-width log lines, 30 new ones a frame under a header that never changes.
    const logLine = (i: number) => `12:00:00 0f3c1a2b INFO  http GET /api/products/${i} 200 12ms `.padEnd(width, 'x');
    for (let f = 0; f < 80; f++) {
      const lines = Array.from({ length: 30 }, (_, k) => logLine(f * 30 + k));
      expect(frame([header, ...lines])).toBe([header, ...lines].join('\n'));
      const held = [...caches.styledChars.values()].reduce((n, chars) => n + chars.length, 0);
      expect(caches.styledCharsCount).toBe(held);
      expect(held).toBeLessThanOrEqual(INK_STYLED_CHARS_LIMIT);
    }
    // 2,400 lines of 120 characters went through; the entry bound alone would have kept them all.
    expect(caches.styledChars.size).toBeLessThan(Math.ceil(INK_STYLED_CHARS_LIMIT / width) + 2);
    // The header row never changed: its string is kept whole (patch 8), so its characters are not
    // even looked up again.
    const rows = (caches as unknown as { rows: Map<string, string> }).rows;
    expect(rows.get(`${width}\u0001${[0, header].join('\u0001')}`)).toBe(header);
    // A line longer than the whole budget is drawn but not kept.
    const huge = 'y'.repeat(INK_STYLED_CHARS_LIMIT + 1);
    const out = new Output({ width: huge.length, height: 1 });
    out.write(0, 0, huge, { transformers: [] });
    expect(out.get().output).toBe(huge);
    expect(caches.styledChars.has(huge)).toBe(false);
    expect(caches.styledCharsCount).toBeLessThanOrEqual(INK_STYLED_CHARS_LIMIT);
  });
});

describe('ansi-tokenize styled characters', () => {
  const file = join(tokenizeBuild, 'styledChars.js');
  const samples = [
    'plain text',
    '\u001b[31mred\u001b[39m and \u001b[1;4mbold underline\u001b[22;24m done',
    '\u001b[38;5;208morange\u001b[39m \u001b[48;2;10;20;30mtruecolor bg\u001b[49m',
    '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007 after',
    '漢字 and emoji 👍🏽 🇩🇪 ╭─ [1] Deployments ─╮',
  ];

  it('patches only the tokenizer and fails loudly on an unknown shape', () => {
    expect(patchInkSource(file, readFileSync(file, 'utf8'))).not.toContain('...token');
    expect(() => patchInkSource(file, 'export default 1')).toThrow(/changed/);
    expect(patchInkSource('/x/other-package/build/styledChars.js', 'x')).toBeNull();
  });

  it('gives the same characters as the unpatched tokenizer', async () => {
    const tokenizer = await importText(await bundle(join(tokenizeBuild, 'index.js'), false));
    const patched = await importText(await bundle(file));
    const original = await importText(await bundle(file, false));
    for (const line of samples) {
      const tokens = tokenizer.tokenize(line);
      const chars = patched.styledCharsFromTokens(tokens);
      expect(chars).toEqual(original.styledCharsFromTokens(tokens));
      expect(chars.map((c: object) => Object.keys(c))).toEqual(
        chars.map(() => ['type', 'value', 'fullWidth', 'styles']),
      );
      expect(patched.styledCharsToString(chars)).toBe(
        original.styledCharsToString(original.styledCharsFromTokens(tokens)),
      );
    }
  });

  it('shares one hidden class across characters (the spread gave each its own on Node 20)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-tokenize-'));
    try {
      writeFileSync(join(dir, 'tokenize.mjs'), await bundle(join(tokenizeBuild, 'index.js'), false));
      writeFileSync(join(dir, 'styled.mjs'), await bundle(file));
      const script = `
        const { tokenize } = await import(${JSON.stringify(join(dir, 'tokenize.mjs'))});
        const { styledCharsFromTokens } = await import(${JSON.stringify(join(dir, 'styled.mjs'))});
        let same = true;
        for (let i = 0; i < 200; i++) {
          const chars = styledCharsFromTokens(tokenize('\\u001b[31mline ' + i + '\\u001b[39m ' + 'x'.repeat(100)));
          for (const c of chars) same &&= %HaveSameMap(c, chars[0]);
        }
        process.stdout.write(String(same));`;
      const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      });
      expect(out).toBe('true');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Ink patches 5-8 apply to the installed Ink', () => {
  const patchOf = (name: string) => patchInkSource(join(inkBuild, name), readFileSync(join(inkBuild, name), 'utf8'));

  it('5: Output.get slices only lines the clip region cuts', () => {
    const out = patchOf('output.js');
    expect(out).toContain(
      'return from === 0 && to === width ? this.caches.getUnclippedLine(line, width) : sliceAnsi(line, from, to);',
    );
    expect(out).toMatch(/getUnclippedLine\(line, width\) \{[\s\S]*sliceAnsi\(line, 0, width\)/);
    expect(out).toContain(`if (this.unclippedLines.size >= ${INK_CACHE_LIMIT})`);
  });

  it('5: a line held whole is exactly what sliceAnsi makes of it, and the cache stays bounded', async () => {
    type ClipOutput = new (o: { width: number; height: number }) => InstanceType<OutputCtor> & {
      clip(c: object): void;
      unclip(): void;
    };
    const Output = (await loadModule('output.js')) as unknown as ClipOutput;
    const Plain = (await importText(await bundle(join(inkBuild, 'output.js'), false))).default as ClipOutput;
    const lines = [
      'plain',
      '\u001b[1;31mbold red\u001b[0m',
      '\u001b[7munclosed inverse',
      'zero width at the end\u200b',
      '\u0301 a combining mark first',
      '漢字 👍🏽 🇩🇪',
      '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
      '',
    ];
    const draw = (Ctor: ClipOutput, x: number) => {
      const out = new Ctor({ width: 40, height: lines.length });
      out.clip({ x1: 2, x2: 38, y1: 0, y2: lines.length });
      lines.forEach((l, y) => out.write(x, y, l, { transformers: [] }));
      out.unclip();
      return out.get().output;
    };
    // x = 2: every line held whole; x = 0 and 20: cut on the left, on the right.
    for (const x of [2, 0, 20]) expect(draw(Output, x)).toBe(draw(Plain, x));
    for (let i = 0; i < INK_CACHE_LIMIT + 10; i++) {
      const out = new Output({ width: 40, height: 1 });
      out.clip({ x1: 0, x2: 40 });
      out.write(0, 0, `\u001b[31mline ${i}\u001b[39m`, { transformers: [] });
      out.get();
    }
    const caches = new Output({ width: 1, height: 1 }).caches as unknown as { unclippedLines: Map<string, string> };
    expect(caches.unclippedLines.size).toBeLessThanOrEqual(INK_CACHE_LIMIT);
  });

  it('8: Output.get draws each row once per distinct set of writes, exactly as before, bounded', async () => {
    const out = patchOf('output.js');
    expect(out).toContain("output.map((writes) => this.caches.getRow(this.width, writes)).join('\\n')");
    expect(out).toContain('currentLine.push(x, line);');
    expect(out).toContain(`if (this.rows.size >= ${INK_CACHE_LIMIT})`);
    type ClipOutput = new (o: { width: number; height: number }) => InstanceType<OutputCtor> & {
      clip(c: object): void;
      unclip(): void;
    };
    const Output = (await loadModule('output.js')) as unknown as ClipOutput;
    const Plain = (await importText(await bundle(join(inkBuild, 'output.js'), false))).default as ClipOutput;
    // Overlapping writes (a border, then text over it), wide and styled characters, a row written
    // twice, rows left blank, a write past the right edge, and clipping.
    const draw = (Ctor: ClipOutput, clock: string) => {
      const out = new Ctor({ width: 30, height: 6 });
      out.write(0, 0, `╭${'─'.repeat(28)}╮\n│${' '.repeat(28)}│\n╰${'─'.repeat(28)}╯`, { transformers: [] });
      out.write(2, 1, `\u001b[1m${clock}\u001b[22m 漢字 👍🏽`, { transformers: [] });
      out.write(5, 1, 'over', { transformers: [(l: string) => `\u001b[31m${l}\u001b[39m`] });
      out.clip({ x1: 1, x2: 29, y1: 0, y2: 6 });
      out.write(0, 4, 'clipped on the left and far past the right edge', { transformers: [] });
      out.unclip();
      out.write(26, 5, 'beyond', { transformers: [] });
      return out.get().output;
    };
    for (const clock of ['T+00:01', 'T+00:02', 'T+00:01']) expect(draw(Output, clock)).toBe(draw(Plain, clock));
    for (let i = 0; i < INK_CACHE_LIMIT + 10; i++) {
      const o = new Output({ width: 20, height: 1 });
      o.write(0, 0, `row ${i}`, { transformers: [] });
      o.get();
    }
    const caches = new Output({ width: 1, height: 1 }).caches as unknown as { rows: Map<string, string> };
    expect(caches.rows.size).toBeLessThanOrEqual(INK_CACHE_LIMIT);
  });

  it('6: renderNodeToOutput measures and wraps each text once, bounded', () => {
    const out = patchOf('render-node-to-output.js');
    expect(out).toContain("text = layOutText(text, getMaxWidth(yogaNode), node.style.textWrap ?? 'wrap');");
    expect(out).not.toContain('const currentWidth = widestLine(text);');
    expect(out).toContain(`if (textLayouts.size >= ${INK_CACHE_LIMIT})`);
  });

  it('7: a stdin read is handed out as one discrete update and drawn at once', () => {
    const ink = patchOf('ink.js');
    expect(ink).toContain('reconciler.flushSyncFromReconciler(handOut);');
    expect(ink).toMatch(/if \(this\.inputDepth > 0\) \{\s*this\.inputCommitted = true;\s*return;\s*\}/);
    expect(ink).toContain('onInput: this.handOutInput }');
    const app = patchOf('components/App.js');
    expect(app).toContain('setCursorPosition, onInput = (handOut) => handOut(), })');
    expect(app).toMatch(/onInput\(\(\) => \{\s*let chunk;[\s\S]*?emitInput\(input\);[\s\S]*?\}\);/);
    expect(app).toContain('onInput(() => emitInput(pendingEscape));');
  });

  it('fail loudly on an unknown shape, and leave out only the patches asked', () => {
    for (const name of ['render-node-to-output.js', 'ink.js', 'components/App.js'])
      expect(() => patchInkSource(join(inkBuild, name), 'export default 1')).toThrow(/Ink changed/);
    const file = join(inkBuild, 'output.js');
    const source = readFileSync(file, 'utf8');
    const without5 = patchInkSource(file, source, { omit: [5] });
    expect(without5).not.toContain('getUnclippedLine');
    expect(without5).toContain('getRow(width, writes)');
    expect(patchInkSource(file, source, { omit: [8] })).not.toContain('getRow');
    expect(without5).toContain('sharedOutputCaches');
    expect(patchInkSource(file, source, { omit: [3] })).not.toContain('sharedOutputCaches');
  });
});
