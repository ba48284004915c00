// Terminal state the app changes and must give back on every exit path, even a crash.
const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
// Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~, so the app can take it as
// text (the filter prompt) or ignore it, never as key presses. Terminals without it ignore these.
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

/** UTF-8 box drawing only when the locale says UTF-8; a C/POSIX locale on a bastion gets ASCII. */
export function localeIsUtf8(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** Writes `on` now and returns the idempotent restore writing `off`, which also runs on exit. */
function holdMode(stdout: NodeJS.WriteStream, on: string, off: string): () => void {
  let restored = false;
  stdout.write(on);
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(off);
  };
  process.once('exit', restore);
  return restore;
}

/** The alternate screen with bracketed paste on; the restore gives back both and shows the cursor. */
export function enterAltScreen(stdout: NodeJS.WriteStream): () => void {
  return holdMode(stdout, ENTER_ALT + PASTE_ON, PASTE_OFF + SHOW_CURSOR + LEAVE_ALT);
}

/** Bracketed paste alone, for --no-alt-screen: a paste still reaches only the filter prompt, as text. */
export function enableBracketedPaste(stdout: NodeJS.WriteStream): () => void {
  return holdMode(stdout, PASTE_ON, PASTE_OFF);
}
