// What a detail view says, as blocks, and the rows those blocks make at a width. The builders (one
// per kind of row: alarmDetail.ts, serviceDetail.ts, logDetail.ts, stepContent.ts) say what; this
// says how it meets the terminal, so every kind wraps, indents and lays out commands the same way.
import { columns, fit } from '../format.js';
import type { Tone } from '../theme.js';
import { shellWords } from './awsLinks.js';
import { hardWrap, wrapCommand, wrapWords } from './wrap.js';

export type DetailBlock =
  /** `label  value`, the value wrapped under itself; a value may hold several lines. */
  | { kind: 'field'; label: string; value: string; tone?: Tone }
  /** Prose, wrapped at spaces. */
  | { kind: 'text'; text: string; tone?: Tone }
  /** A section title, after a blank row. */
  | { kind: 'heading'; text: string }
  /** Kept as it is (JSON, command output): each line cut at the width, indentation kept. */
  | { kind: 'pre'; text: string; tone?: Tone }
  /** A command to copy: its words (unquoted), after a `# what` comment row. */
  | { kind: 'command'; what: string; argv: readonly string[] }
  /** An address to copy, after a `# what` comment row: cut only where the width forces it. */
  | { kind: 'url'; what: string; url: string };

export interface DetailContent {
  /** The view's first row, never scrolled away. */
  title: string;
  blocks: DetailBlock[];
}

export interface DetailRow {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

const LABEL_COLUMNS = 11;
/** Under this, a field's value goes on the rows below its label instead of beside it. */
const MIN_VALUE_COLUMNS = 24;

function fieldRows(label: string, value: string, width: number, tone?: Tone): DetailRow[] {
  const beside = width - LABEL_COLUMNS - 1 >= MIN_VALUE_COLUMNS && columns(label) <= LABEL_COLUMNS;
  if (!beside) return [{ text: label, tone: 'dim' }, ...wrapWords(value, width).map((text) => ({ text, tone }))];
  const indent = ' '.repeat(LABEL_COLUMNS + 1);
  return wrapWords(value, width - indent.length).map((text, i) => ({
    text: `${i === 0 ? `${fit(label, LABEL_COLUMNS)} ` : indent}${text}`,
    tone,
  }));
}

/** The rows of `content` at `width` columns, in order; the view scrolls through them. */
export function layoutDetail(content: DetailContent, width: number): DetailRow[] {
  const w = Math.max(1, width);
  const rows: DetailRow[] = [];
  for (const b of content.blocks) {
    switch (b.kind) {
      case 'field':
        rows.push(...fieldRows(b.label, b.value, w, b.tone));
        break;
      case 'text':
        rows.push(...wrapWords(b.text, w).map((text) => ({ text, tone: b.tone })));
        break;
      case 'heading':
        if (rows.length) rows.push({ text: '' });
        rows.push({ text: b.text, bold: true });
        break;
      case 'pre':
        rows.push(...b.text.split('\n').flatMap((line) => hardWrap(line, w).map((text) => ({ text, tone: b.tone }))));
        break;
      case 'command':
        // A shell comment: selected with the command by accident, it does nothing.
        rows.push({ text: `# ${b.what}`, tone: 'dim' });
        rows.push(...wrapCommand(shellWords(b.argv), w).map((text) => ({ text, tone: 'accent' as const })));
        break;
      case 'url':
        rows.push({ text: `# ${b.what}`, tone: 'dim' });
        rows.push(...hardWrap(b.url, w).map((text) => ({ text, tone: 'accent' as const })));
        break;
    }
  }
  return rows;
}
