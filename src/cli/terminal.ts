// Terminal state the app changes and must give back on every exit path, even a crash.
const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/** UTF-8 box drawing only when the locale says UTF-8; a C/POSIX locale on a bastion gets ASCII. */
export function localeIsUtf8(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

export function enterAltScreen(stdout: NodeJS.WriteStream): () => void {
  let restored = false;
  stdout.write(ENTER_ALT);
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(SHOW_CURSOR + LEAVE_ALT);
  };
  process.once('exit', restore);
  return restore;
}
