// A script → its simple commands, each with its words and redirections. shell-quote does the
// quoting, escapes and operator tokens; scan.ts first takes out what shell-quote cannot see.
import { parse as shellParse } from 'shell-quote';
import { scan } from './scan.js';

export interface Redirect {
  op: string;
  target: string;
}

export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  /** Its standard input is the previous command's output (`a | b`). */
  piped: boolean;
}

export interface ParsedScript {
  commands: SimpleCommand[];
  /** Scripts run by substitutions inside it, to be judged on their own. */
  inner: string[];
  problems: string[];
}

const SEPARATORS = new Set([';', ';;', '&', '&&', '||', '|', '|&', '(', ')']);
const REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>', '>&', '<', '<<', '<<<', '<&', '<>']);

export function parseScript(script: string): ParsedScript {
  const { text, inner, problems } = scan(script);
  // Variables stay as written: `$HOME`, not what this process has.
  const tokens = shellParse(text, (name) => `$${name}`);
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [], piped: false };
  const end = (piped: boolean) => {
    if (current.words.length || current.redirects.length) commands.push(current);
    current = { words: [], redirects: [], piped };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (typeof t === 'string') current.words.push(t);
    else if ('comment' in t) continue;
    else if (t.op === 'glob') current.words.push(t.pattern);
    else if (SEPARATORS.has(t.op)) end(t.op === '|' || t.op === '|&');
    else if (REDIRECTS.has(t.op)) {
      // `2>file` arrives as the word "2" then `>`: the descriptor is not an argument.
      if (/^\d+$/.test(current.words.at(-1) ?? '') && current.words.length > 1) current.words.pop();
      const next = tokens[i + 1];
      current.redirects.push({ op: t.op, target: typeof next === 'string' ? next : '' });
      if (typeof next === 'string') i++;
    } else problems.push(`the operator ${t.op}`);
  }
  end(false);
  return { commands, inner, problems };
}
