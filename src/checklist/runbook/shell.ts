// One fenced shell block → the command to run plus what was around it: comment lines (notes, or the
// expectation when they say "Expected…"), sample output after `$ ` prompts, and why it cannot run
// unattended (an editor, an interactive console, Windows paths).

export const SHELL_LANGS = new Set([
  'bash',
  'sh',
  'shell',
  'zsh',
  'console',
  'shell-session',
  'shellsession',
  'terminal',
]);
export const WINDOWS_LANGS = new Set(['powershell', 'ps1', 'ps', 'pwsh', 'cmd', 'bat', 'batch', 'dos']);

/** `Expected:`, `Expected output:`, `**Expected results:**` → the text after the colon. */
export const EXPECTED = /^\**\s*expect(?:ed)?\b[^:\n]{0,30}:\**\s*([\s\S]*)$/i;

export interface ShellBlock {
  /** The command with comments, prompts and blank lines removed; '' when the block is only comments. */
  run: string;
  /** Comment lines that are not an expectation, without the `#`. */
  comments: string[];
  /** Each "Expected…" comment with the comment lines right after it (one string per line). */
  expects: string[][];
  /** Lines after a `$ ` prompt command that are its sample output. */
  output: string[];
  /** Why it cannot run without a person at a terminal. */
  interactive?: string;
  windows: boolean;
}

// Programs that need a terminal or a person: run by /bin/sh -c they hang until the timeout or fail.
const INTERACTIVE = /^(?:sudo\s+)?(nano|vi|vim|nvim|emacs|pico|less|more|top|htop|terraform console)(?:\s|$)/;
const WINDOWS_PATH = /(?:^|[\s'"=(])(?:[A-Za-z]:\\|\.{1,2}\\[\w.$-])|\.(?:ps1|bat|exe)\b/i;

export function parseShell(body: string[], lang: string): ShellBlock {
  const promptStyle = body.some((l) => /^\s*[$%] /.test(l));
  const out: ShellBlock = {
    run: '',
    comments: [],
    expects: [],
    output: [],
    windows: WINDOWS_LANGS.has(lang) || body.some((l) => WINDOWS_PATH.test(l)),
  };
  const run: string[] = [];
  let heredoc: { word: string; dash: boolean } | undefined;
  let continued = false;
  let inExpect = false;
  for (const raw of body) {
    const line = raw.replace(/\s+$/, '');
    if (heredoc) {
      // Kept verbatim: a `#` or a blank line inside a heredoc is data.
      run.push(line);
      if ((heredoc.dash ? line.trim() : line) === heredoc.word) heredoc = undefined;
      continue;
    }
    const trimmed = line.trim();
    if (continued) {
      run.push(line);
    } else if (trimmed === '') {
      inExpect = false;
      continue;
    } else if (trimmed.startsWith('#')) {
      const text = trimmed.replace(/^#+!?\s?/, '');
      const expect = EXPECTED.exec(text);
      if (expect) {
        out.expects.push(expect[1]!.trim() ? [expect[1]!.trim()] : []);
        inExpect = true;
      } else if (inExpect) out.expects.at(-1)!.push(text.trim());
      else if (!trimmed.startsWith('#!')) out.comments.push(text);
      continue;
    } else if (promptStyle && !/^\s*[$%] /.test(line)) {
      out.output.push(line);
    } else if (/^>\s/.test(trimmed)) {
      out.interactive ??= `input typed at a prompt ('${trimmed}')`;
      run.push(line);
    } else {
      run.push(line.replace(/^(\s*)[$%] /, '$1'));
    }
    inExpect = false;
    const cmd = run.at(-1) ?? '';
    const prog = INTERACTIVE.exec(cmd.trim());
    if (prog && !continued) out.interactive ??= `${prog[1]} needs a terminal`;
    const doc = /<<(-?)\s*['"]?(\w+)['"]?/.exec(cmd);
    if (doc) heredoc = { word: doc[2]!, dash: doc[1] === '-' };
    continued = /\\$/.test(cmd) || /(\|\||&&|\|)$/.test(cmd.trim());
  }
  out.run = run.join('\n');
  return out;
}
