// What the terminal sent, as key presses. Over a laggy SSH link several keys arrive in one read
// ("cart\r", "3?", a burst of DEL), and Ink hands each run of text between escape sequences to its
// listeners whole; a bracketed paste arrives as ESC[200~ … ESC[201~, which Ink does not know.
// Pure: no timers, no I/O; the input provider feeds it reads and delivers the presses.

/** One key, or one bracketed paste (name 'paste'). */
export interface Press {
  /** 'r', 'R', '?', 'space', 'return', 'backspace', 'escape', 'tab', 'shift+tab', 'up', 'pagedown', 'ctrl+c', … */
  name: string;
  /** The printable text the press types: '' for keys that type nothing, the cleaned text for a paste. */
  input: string;
}

const ESC = '\u001b';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

const control = (name: string): Press => ({ name, input: '' });

const C0: Record<string, Press> = {
  '\r': control('return'),
  // A terminal sends CR for Enter, but LF comes from Ctrl-J and from pasted lines.
  '\n': control('return'),
  '\t': control('tab'),
  '\b': control('backspace'),
  '\u007f': control('backspace'),
  [ESC]: control('escape'),
  ' ': { name: 'space', input: ' ' },
};

// CSI and SS3 keys the app can use; any other sequence (mouse and focus reports, F-keys, modified
// keys we do not bind) is dropped rather than becoming text or an "any other key".
const BY_FINAL: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const BY_NUMBER: Record<string, string> = {
  '1': 'home',
  '3': 'backspace', // the Delete key: the draft has no cursor to delete after
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
};

// Characters that are not text: C0 and C1 controls, DEL, and invisible format characters (bidi
// overrides, zero-width characters, line and paragraph separators), which would reorder or hide
// what the prompt draws. Lone surrogates too.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}/u;

/** The key a single character is, or undefined when it is neither text nor a key the app names. */
function charPress(ch: string): Press | undefined {
  const named = C0[ch];
  if (named) return named;
  const code = ch.codePointAt(0)!;
  if (code >= 1 && code <= 26) return control(`ctrl+${String.fromCharCode(code + 96)}`);
  if (NOT_TEXT.test(ch)) return undefined;
  return { name: ch, input: ch };
}

/** An escape sequence at `i`: its press (or none) and its length. */
function escapePress(text: string, i: number): [Press | undefined, number] {
  const kind = text[i + 1];
  if (kind === '[') {
    // Parameters and intermediates, then one final byte (ECMA-48); ESC[[A is a legacy F-key form.
    const m = /^\[?([\x30-\x3f]*)[\x20-\x2f]*([\x40-\x7e])/.exec(text.slice(i + 2));
    if (m) {
      const [seq, params, final] = m as unknown as [string, string, string];
      const name = final === 'Z' ? 'shift+tab' : final === '~' ? BY_NUMBER[params.split(';')[0]!] : BY_FINAL[final];
      return [name ? control(name) : undefined, 2 + seq.length];
    }
  }
  if (kind === 'O' && i + 2 < text.length) {
    const name = BY_FINAL[text[i + 2]!];
    return [name ? control(name) : undefined, 3];
  }
  // A lone ESC, ESC then a key, or a sequence cut short: over a slow link that is Esc pressed
  // before the next key (this app binds nothing to Alt).
  return [C0[ESC], 1];
}

/** The presses in text that holds no paste markers. */
export function splitKeys(text: string): Press[] {
  const out: Press[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ESC) {
      const [press, length] = escapePress(text, i);
      if (press) out.push(press);
      i += length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    // CR LF is one Enter, as a terminal pasting a line sends it.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : ch.length;
    const press = charPress(ch);
    if (press) out.push(press);
  }
  return out;
}

/** Pasted text as one line of printable text: line breaks and tabs become spaces, controls go. */
export function pastedText(text: string): string {
  return splitKeys(text.replace(/\r\n|[\r\n\t]/g, ' '))
    .map((p) => p.input)
    .join('');
}

/** More than one press, and not one key repeated: keys typed ahead, or text pasted without brackets. */
export function isMixed(presses: readonly Press[]): boolean {
  return presses.some((p) => p.name !== presses[0]!.name);
}

export interface KeySplitter {
  /** The presses in one read; a paste still open at its end is kept for the next read. */
  push(chunk: string): Press[];
  /** True while a bracketed paste has started and not ended. */
  readonly pasting: boolean;
  /** Ends an open paste with what arrived, for a terminal that never sent the end marker. */
  flush(): Press[];
}

export function createKeySplitter(): KeySplitter {
  let paste: string | undefined;
  const endPaste = (text: string): Press => {
    paste = undefined;
    return { name: 'paste', input: pastedText(text) };
  };
  return {
    push(chunk) {
      const out: Press[] = [];
      let rest = chunk;
      while (rest) {
        if (paste !== undefined) {
          const end = rest.indexOf(PASTE_END);
          if (end < 0) {
            paste += rest;
            break;
          }
          out.push(endPaste(paste + rest.slice(0, end)));
          rest = rest.slice(end + PASTE_END.length);
          continue;
        }
        const start = rest.indexOf(PASTE_START);
        out.push(...splitKeys(start < 0 ? rest : rest.slice(0, start)));
        if (start < 0) break;
        paste = '';
        rest = rest.slice(start + PASTE_START.length);
      }
      return out;
    },
    get pasting() {
      return paste !== undefined;
    },
    flush() {
      return paste === undefined ? [] : [endPaste(paste)];
    },
  };
}
