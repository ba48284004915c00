// What shell-quote does not do, done before it sees the text: it treats a newline as a space, lets a
// `#` comment swallow every later line, keeps `"$(…)"` and backticks as plain words, and reads a
// heredoc's body as more words. This pass knows quotes, so it can find those correctly: each command
// substitution is taken out (to be judged as a script of its own) and left as one word, comments and
// heredoc bodies go, and unquoted newlines become `;`.

export interface Scanned {
  /** The script for shell-quote: one line, substitutions replaced by a word, no comments or heredoc bodies. */
  text: string;
  /** Scripts that run inside it: `$( )`, backticks, `<( )`, `>( )`, also in double quotes and heredoc bodies. */
  inner: string[];
  /** What could not be read (an unterminated quote or substitution): not known to read only. */
  problems: string[];
}

/** Stands for a substitution's output in the outer command (part of its word, as in the shell). */
export const SUBSTITUTED = 'SUBSTITUTED_OUTPUT';

interface Heredoc {
  delim: string;
  stripTabs: boolean;
  /** Unquoted delimiter: `$( )` in the body runs. */
  expands: boolean;
}

const WORD_START = /[\s;&|()]$/;

class Scanner {
  i = 0;
  out = '';
  private depth = 0;
  private heredocs: Heredoc[] = [];

  constructor(
    private readonly s: string,
    readonly inner: string[],
    readonly problems: string[],
  ) {}

  /** Plain shell text up to the end, or (`closing`) up to the `)` that closes a `$(`. */
  normal(closing = false): boolean {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      const two = s.slice(this.i, this.i + 2);
      if (c === '\\') {
        if (s[this.i + 1] !== '\n') this.out += two;
        this.i += 2;
      } else if (c === "'") this.single();
      else if (c === '"') this.double('"');
      else if (two === '$(' || c === '`' || ((two === '<(' || two === '>(') && !s[this.i - 1]?.match(/[<>]/)))
        this.substitution();
      else if (c === '#' && WORD_START.test(this.out || ' ')) this.skipTo('\n');
      else if (c === '\n') this.newline();
      else if (s.startsWith('<<<', this.i)) {
        this.out += '<<<';
        this.i += 3;
      } else if (two === '<<') this.heredocStart();
      else if (c === '(') {
        this.depth++;
        this.out += c;
        this.i++;
      } else if (c === ')' && closing && this.depth === 0) {
        this.i++;
        return true;
      } else {
        if (c === ')') this.depth--;
        this.out += c;
        this.i++;
      }
    }
    return !closing;
  }

  private single(): void {
    const end = this.s.indexOf("'", this.i + 1);
    if (end < 0) this.problems.push('an unterminated quote');
    const stop = end < 0 ? this.s.length : end + 1;
    this.out += this.s.slice(this.i, stop);
    this.i = stop;
  }

  /** Inside "…" (or a heredoc body, `until` undefined): only `\`, `$( )` and backticks are special. */
  double(until: string | undefined): void {
    const s = this.s;
    if (until) this.out += s[this.i++];
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === until) {
        this.out += c;
        this.i++;
        return;
      }
      if (c === '\\') {
        if (s[this.i + 1] !== '\n') this.out += s.slice(this.i, this.i + 2);
        this.i += 2;
      } else if (s.startsWith('$(', this.i) || c === '`') this.substitution();
      else {
        this.out += c;
        this.i++;
      }
    }
    if (until) this.problems.push('an unterminated quote');
  }

  private substitution(): void {
    const s = this.s;
    if (s.startsWith('$((', this.i)) {
      // Arithmetic: nothing runs, but it may hold a substitution of its own.
      const sub = new Scanner(s, this.inner, this.problems);
      sub.i = this.i + 3;
      if (!sub.normal(true) || s[sub.i] !== ')') this.problems.push('an unterminated $((');
      this.i = sub.i + 1;
      this.out += '0';
      return;
    }
    if (s[this.i] === '`') {
      let j = this.i + 1;
      while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) this.problems.push('an unterminated backtick');
      this.inner.push(s.slice(this.i + 1, j).replace(/\\([`\\$])/g, '$1'));
      this.i = j + 1;
    } else {
      const start = this.i + 2;
      const sub = new Scanner(s, this.inner, this.problems);
      sub.i = start;
      const closed = sub.normal(true);
      if (!closed) this.problems.push(`an unterminated ${s.slice(this.i, this.i + 2)}`);
      this.inner.push(s.slice(start, closed ? sub.i - 1 : sub.i));
      this.i = sub.i;
    }
    this.out += SUBSTITUTED;
  }

  private skipTo(ch: string): void {
    const end = this.s.indexOf(ch, this.i);
    this.i = end < 0 ? this.s.length : end;
  }

  private heredocStart(): void {
    const m = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([^\s;&|<>()]+))/.exec(this.s.slice(this.i));
    if (!m) {
      this.out += '<<';
      this.i += 2;
      return;
    }
    const delim = m[2] ?? m[3] ?? m[4]!;
    this.heredocs.push({ delim, stripTabs: m[1] === '-', expands: m[4] !== undefined && !m[0].includes('\\') });
    this.out += ` << ${JSON.stringify(delim)} `;
    this.i += m[0].length;
  }

  /** A newline ends a command, unless the line ended in `|`, `&&`, `(`…; heredoc bodies start after it. */
  private newline(): void {
    this.i++;
    for (const h of this.heredocs.splice(0)) this.heredocBody(h);
    this.out += /(?:[|&;({]|\bthen|\bdo|\belse)\s*$/.test(this.out) || !this.out.trim() ? ' ' : ' ; ';
  }

  private heredocBody(h: Heredoc): void {
    const s = this.s;
    let start = this.i;
    const bodyStart = start;
    while (start < s.length) {
      const end = s.indexOf('\n', start) < 0 ? s.length : s.indexOf('\n', start);
      const line = s.slice(start, end);
      if ((h.stripTabs ? line.replace(/^\t+/, '') : line).trim() === h.delim) {
        if (h.expands) {
          const body = new Scanner(s.slice(bodyStart, start), this.inner, this.problems);
          body.double(undefined);
        }
        this.i = Math.min(end + 1, s.length);
        return;
      }
      start = end + 1;
    }
    // No end line: the shell reads to the end of the script, and so does this.
    if (h.expands) new Scanner(s.slice(bodyStart), this.inner, this.problems).double(undefined);
    this.i = s.length;
  }
}

export function scan(script: string): Scanned {
  const inner: string[] = [];
  const problems: string[] = [];
  const scanner = new Scanner(script.replace(/\r\n?/g, '\n'), inner, problems);
  scanner.normal();
  return { text: scanner.out, inner, problems: [...new Set(problems)] };
}
