import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, sanitizeDeep, sanitizeLine, sanitizeText } from '../../src/domain/sanitize.js';

describe('sanitizeLine', () => {
  it('removes escape sequences that would clear the screen, retitle or recolour the terminal', () => {
    expect(sanitizeLine('ua=\u001b[2J\u001b[Hx')).toBe('ua=x');
    expect(sanitizeLine('\u001b]0;pwned\u0007title')).toBe('title');
    expect(sanitizeLine('\u001b[31mred\u001b[0m')).toBe('red');
  });

  it('shows remaining control characters visibly instead of sending them', () => {
    expect(sanitizeLine('bell\u0007 cr\r end\u001b')).toBe('bell\\x07 cr\\x0d end\\x1b');
    expect(sanitizeLine('c1\u0085')).toBe('c1\\x85');
    expect(sanitizeLine('a\tb\nc')).toBe('a  b ⏎ c');
  });

  it('leaves ordinary text, including non-ASCII, alone', () => {
    expect(sanitizeLine('GET /api/ü 200 12ms — ok')).toBe('GET /api/ü 200 12ms — ok');
  });
});

describe('sanitizeLine: the rest of what a terminal acts on or hides', () => {
  it('removes OSC, DCS, APC, PM and SOS strings in 7-bit and C1 form', () => {
    expect(sanitizeLine('a\u001b]52;c;cHduZWQ=\u0007b')).toBe('ab');
    expect(sanitizeLine('a\u009d0;PWNED\u009cb')).toBe('ab');
    expect(sanitizeLine('a\u001bPq#0;2;0;0;0\u001b\\b')).toBe('ab');
    expect(sanitizeLine('a\u001b_payload\u001b\\b')).toBe('ab');
    expect(sanitizeLine('a\u001b^pm\u001b\\b\u001bXsos\u001b\\c')).toBe('abc');
    expect(sanitizeLine('link \u001b]8;;http://evil\u001b\\here\u001b]8;;\u001b\\')).toBe('link here');
  });

  it('shows what is left of a torn sequence instead of sending it', () => {
    expect(sanitizeLine('x\u001bc y')).toBe('x y'); // RIS is a complete two-byte escape
    expect(sanitizeLine('unterminated \u001b]0;title')).toBe('unterminated \\x1b]0;title');
    expect(sanitizeLine('del\u007f bs\u0008')).toBe('del\\x7f bs\\x08');
  });

  it('shows bidi controls, zero-width characters and line separators, keeping the text after them', () => {
    expect(sanitizeLine('bidi \u202eevil\u202c override')).toBe('bidi \\u202eevil\\u202c override');
    expect(sanitizeLine('\u2066iso\u2069')).toBe('\\u2066iso\\u2069');
    expect(sanitizeLine('ad\u200bmin')).toBe('ad\\u200bmin');
    expect(sanitizeLine('\ufeffbom\u2060wj\u200d')).toBe('\\ufeffbom\\u2060wj\\u200d');
    expect(sanitizeLine('one\u2028two\u2029three')).toBe('one\\u2028two\\u2029three');
  });

  it('caps a line, saying how much was left out, without splitting a character', () => {
    const long = `${'x'.repeat(MAX_LINE_CHARS - 1)}${'😀'.repeat(5)}`;
    expect(sanitizeLine(long)).toBe(`${'x'.repeat(MAX_LINE_CHARS - 1)}😀… [4 more characters]`);
    expect(sanitizeLine('x'.repeat(10_000)).length).toBeLessThan(MAX_LINE_CHARS + 40);
    // passed to .map(), the index is not taken for a length
    expect(['abc', 'def'].map(sanitizeLine)).toEqual(['abc', 'def']);
  });

  it('keeps wide characters, so string width is right afterwards', () => {
    expect(sanitizeLine('日本語 ok')).toBe('日本語 ok');
  });
});

describe('sanitizeText', () => {
  it('keeps the lines apart and cleans each', () => {
    expect(sanitizeText('one\r\n\u001b[2Jtwo\nthree\u0007')).toBe('one\ntwo\nthree\\x07');
  });
});

describe('sanitizeDeep', () => {
  it('cleans every string in a value, keys included', () => {
    const value = { a: ['ok', '\u001b]0;x\u0007t'], n: 3, nested: { ['k\u202e']: 'v\u200b' }, none: undefined };
    expect(sanitizeDeep(value)).toEqual({
      a: ['ok', 't'],
      n: 3,
      nested: { ['k\\u202e']: 'v\\u200b' },
      none: undefined,
    });
    expect(value.a[1]).toBe('\u001b]0;x\u0007t'); // the input is not changed
  });

  it('returns the same object when there is nothing to clean, so memoised selectors hold', () => {
    const clean = { a: ['ok', { b: 'fine' }], n: 1 };
    expect(sanitizeDeep(clean)).toBe(clean);
    const partly = { keep: { b: 'fine' }, dirty: '\u0007' };
    const out = sanitizeDeep(partly);
    expect(out).not.toBe(partly);
    expect(out.keep).toBe(partly.keep);
  });
});
