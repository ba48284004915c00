// Text cut into terminal rows for the detail view: prose at spaces, preformatted text and links
// exactly as they are, commands between their words. Widths are terminal columns (format.columns),
// so a CJK character or an emoji counts two and is never split.
import stringWidth from 'string-width';
import { columns } from '../format.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts `text` into rows of at most `width` columns, anywhere between characters: nothing added, nothing lost. */
export function hardWrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  if (columns(text) <= w) return [text];
  const rows: string[] = [];
  let row = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cw = stringWidth(segment);
    if (used + cw > w && row) {
      rows.push(row);
      row = '';
      used = 0;
    }
    row += segment;
    used += cw;
  }
  rows.push(row);
  return rows;
}

/** Prose: each line wrapped at spaces; a word longer than the row is cut where it must be. */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  return text.split('\n').flatMap((line) => {
    const rows: string[] = [];
    let row = '';
    for (const word of line.split(' ').filter(Boolean)) {
      const joined = row ? `${row} ${word}` : word;
      if (columns(joined) <= w) {
        row = joined;
        continue;
      }
      if (row) rows.push(row);
      const pieces = hardWrap(word, w);
      row = pieces.pop()!;
      rows.push(...pieces);
    }
    rows.push(row);
    return rows;
  });
}

/**
 * A command as rows a shell takes back pasted: words are broken between, never inside, with ` \` at
 * the end of each row but the last and the rest indented. An option stays with its value where the
 * row has room. Only a word wider than a whole row is cut (it cannot be helped).
 */
export function wrapCommand(words: readonly string[], width: number): string[] {
  const one = words.join(' ');
  if (columns(one) <= width) return [one];
  // Groups: the command and its subcommands, then each --option with the values that follow it.
  const groups: string[][] = [];
  for (const word of words) {
    if (groups.length === 0 || word.startsWith('--')) groups.push([word]);
    else groups.at(-1)!.push(word);
  }
  const rows: string[] = [];
  let row = '';
  // Room for words on the row being filled: after the indent, before the ` \`.
  const limit = () => width - (rows.length ? 2 : 0) - 2;
  const add = (piece: string) => {
    if (row && columns(row) + 1 + columns(piece) > limit()) {
      rows.push(row);
      row = '';
    }
    row = row ? `${row} ${piece}` : piece;
  };
  for (const group of groups) {
    const whole = group.join(' ');
    if (columns(whole) <= width - 4) add(whole);
    else group.forEach(add);
  }
  rows.push(row);
  const out = rows.map((r, i) => `${i === 0 ? '' : '  '}${r}${i < rows.length - 1 ? ' \\' : ''}`);
  // A word wider than the row is the one place a cut is unavoidable.
  return out.flatMap((r) => hardWrap(r, width));
}
