import { describe, expect, it } from 'vitest';
import { createKeySplitter, isMixed, pastedText, splitKeys, type Press } from '../../src/ui/keyChunks.js';

const names = (presses: Press[]) => presses.map((p) => p.name);
const typed = (presses: Press[]) => presses.map((p) => p.input).join('');

describe('splitKeys: one read as the keys in it', () => {
  it('text then Enter is the letters, then return, which types nothing', () => {
    const presses = splitKeys('cart\r');
    expect(names(presses)).toEqual(['c', 'a', 'r', 't', 'return']);
    expect(typed(presses)).toBe('cart');
  });

  it('two different keys are two presses', () => {
    expect(splitKeys('3?')).toEqual([
      { name: '3', input: '3' },
      { name: '?', input: '?' },
    ]);
  });

  it('a burst of DEL or BS is that many backspaces', () => {
    expect(names(splitKeys('\u007f\u007f\u007f'))).toEqual(['backspace', 'backspace', 'backspace']);
    expect(names(splitKeys('\b\b'))).toEqual(['backspace', 'backspace']);
  });

  it('names the keys the keymap binds: space, tab, Ctrl-letters, Esc, CR LF as one Enter', () => {
    expect(splitKeys(' ')).toEqual([{ name: 'space', input: ' ' }]);
    expect(names(splitKeys('\t\u0003\u0001\r\n\n'))).toEqual(['tab', 'ctrl+c', 'ctrl+a', 'return', 'return']);
    expect(names(splitKeys('\u001b'))).toEqual(['escape']);
    expect(typed(splitKeys('\t\u0003\r\u001b'))).toBe('');
  });

  it('escape sequences inside a read are keys, with or without modifiers, in CSI and SS3 form', () => {
    expect(names(splitKeys('j\u001b[Ak\u001b[B\u001bOA\u001b[1;5C\u001b[Z\u001b[5~\u001b[6~\u001b[3~'))).toEqual([
      'j',
      'up',
      'k',
      'down',
      'up',
      'right',
      'shift+tab',
      'pageup',
      'pagedown',
      'backspace',
    ]);
  });

  it('drops sequences no key means (mouse, focus, unknown F-keys) rather than typing their bytes', () => {
    const presses = splitKeys('a\u001b[<0;3;4Mb\u001b[Ic\u001b[99~');
    expect(names(presses)).toEqual(['a', 'b', 'c']);
  });

  it('ESC before a key is Esc then that key, as typed ahead over a slow link', () => {
    expect(names(splitKeys('\u001bq'))).toEqual(['escape', 'q']);
    expect(names(splitKeys('\u001b\u001b'))).toEqual(['escape', 'escape']);
  });

  it('control, C1 and invisible characters are never text', () => {
    const presses = splitKeys('a\u0000\u001c\u0085\u009b\u202e\u200b\u2028\u2066b');
    expect(typed(presses)).toBe('ab');
    expect(names(presses)).toEqual(['a', 'b']);
  });

  it('keeps characters outside the BMP whole', () => {
    expect(splitKeys('é😀')).toEqual([
      { name: 'é', input: 'é' },
      { name: '😀', input: '😀' },
    ]);
  });
});

describe('isMixed: typed ahead or pasted, not one key held', () => {
  it('is false for one press and for a run of one key, true for different keys', () => {
    expect(isMixed(splitKeys('y'))).toBe(false);
    expect(isMixed(splitKeys('jjj'))).toBe(false);
    expect(isMixed(splitKeys('\u001b[B\u001b[B'))).toBe(false);
    expect(isMixed(splitKeys('every'))).toBe(true);
    expect(isMixed(splitKeys('3?'))).toBe(true);
  });
});

describe('createKeySplitter: bracketed paste', () => {
  it('a paste is one press of its text, with the keys around it split as usual', () => {
    const s = createKeySplitter();
    expect(s.push('/\u001b[200~every\u001b[201~\r')).toEqual([
      { name: '/', input: '/' },
      { name: 'paste', input: 'every' },
      { name: 'return', input: '' },
    ]);
    expect(s.pasting).toBe(false);
  });

  it('a paste spread over several reads (as Ink emits its markers apart) is delivered once, whole', () => {
    const s = createKeySplitter();
    expect(s.push('\u001b[200~')).toEqual([]);
    expect(s.pasting).toBe(true);
    expect(s.push('GET /hea')).toEqual([]);
    expect(s.push('lth\r')).toEqual([]);
    expect(s.push('\u001b[201~y')).toEqual([
      { name: 'paste', input: 'GET /health ' },
      { name: 'y', input: 'y' },
    ]);
  });

  it('pasted controls and sequences do not survive as text or keys; line breaks and tabs become spaces', () => {
    const s = createKeySplitter();
    const [paste, ...rest] = s.push('\u001b[200~a\r\nb\tc\u001b[31md\u007f\u001b]0;x\u0007e\u009d\u001b[201~');
    expect(rest).toEqual([]);
    expect(paste!.name).toBe('paste');
    // An OSC's text after its ESC ("]0;x") is plain text to a key reader; no control character is left.
    expect(paste!.input).toMatch(/^a b cd/);
    expect(paste!.input).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(pastedText('x\ny')).toBe('x y');
  });

  it('flush ends a paste whose end marker never came, so keys work again', () => {
    const s = createKeySplitter();
    s.push('\u001b[200~abc');
    expect(s.flush()).toEqual([{ name: 'paste', input: 'abc' }]);
    expect(s.pasting).toBe(false);
    expect(s.push('q')).toEqual([{ name: 'q', input: 'q' }]);
    expect(s.flush()).toEqual([]);
  });
});
