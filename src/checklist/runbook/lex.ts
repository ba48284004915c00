// Markdown lines → blocks, keeping the 1-based line of each. Only the subset runbooks use:
// ATX and setext headings, fenced code (``` and ~~~, also indented under list items), list items
// and checkboxes (with continuation lines), tables and paragraphs. Horizontal rules and blank lines
// carry no text and are dropped; everything else becomes a block, so nothing is lost here.

export type Block =
  | { t: 'heading'; line: number; level: number; text: string }
  | { t: 'fence'; line: number; lang: string; body: string[]; closed: boolean }
  | { t: 'check'; line: number; text: string }
  | { t: 'item'; line: number; text: string; ordered: boolean }
  | { t: 'para'; line: number; text: string }
  | { t: 'table'; line: number; text: string };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const CHECK = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s*(.*)$/;
const ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
const HR = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const TABLE = /^\s*\|/;

/** `{.bash}`, `bash title="x"`, `Shell` → `bash`, `bash`, `shell`. */
const langOf = (info: string): string =>
  info
    .replace(/^\{?\.?/, '')
    .replace(/[},].*$/, '')
    .toLowerCase();

const isStructural = (l: string) => HEADING.test(l) || FENCE.test(l) || ITEM.test(l) || HR.test(l) || TABLE.test(l);

export function lex(text: string): { blocks: Block[]; warnings: string[] } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blocks: Block[] = [];
  const warnings: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = i + 1;
    i++;
    if (raw.trim() === '') continue;
    const fence = FENCE.exec(raw);
    if (fence) {
      const [, indent = '', marks = '```', info = ''] = fence;
      const body: string[] = [];
      let closed = false;
      for (; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.trim().startsWith(marks[0]!.repeat(marks.length)) && l.trim().replace(/[`~]/g, '') === '') {
          closed = true;
          i++;
          break;
        }
        // Code indented under a list item: drop the fence's own indentation, keep the rest.
        body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
      }
      if (!closed) warnings.push(`unclosed code block at line ${line}: read to the end of the file`);
      blocks.push({ t: 'fence', line, lang: langOf(info), body, closed });
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      blocks.push({
        t: 'heading',
        line,
        level: heading[1]!.length,
        text: (heading[2] ?? '').replace(/\s+#+$/, '').trim(),
      });
      continue;
    }
    const prev = blocks.at(-1);
    // "Title\n=====" : only when the underline directly follows a one-line paragraph.
    if (SETEXT.test(raw) && prev?.t === 'para' && !prev.text.includes('\n') && prev.line === line - 1) {
      blocks[blocks.length - 1] = {
        t: 'heading',
        line: prev.line,
        level: raw.trim().startsWith('=') ? 1 : 2,
        text: prev.text.trim(),
      };
      continue;
    }
    if (HR.test(raw)) continue;
    if (TABLE.test(raw)) {
      const rows = [raw.trim()];
      while (i < lines.length && TABLE.test(lines[i]!)) rows.push(lines[i++]!.trim());
      blocks.push({ t: 'table', line, text: rows.filter((r) => !/^\|[\s:|-]+\|$/.test(r)).join('\n') });
      continue;
    }
    const check = CHECK.exec(raw);
    const item = check ? undefined : ITEM.exec(raw);
    let body = check ? check[1]! : item ? item[2]! : raw.trim();
    // Continuation lines: directly following, or indented after a blank line inside a list item.
    while (i < lines.length) {
      const next = lines[i]!;
      if (next.trim() === '') {
        const after = lines[i + 1];
        if ((check || item) && after !== undefined && /^\s{2,}\S/.test(after) && !isStructural(after)) {
          i++;
          continue;
        }
        break;
      }
      if (isStructural(next) || CHECK.test(next) || (SETEXT.test(next) && !check && !item)) break;
      body += `\n${next.trim()}`;
      i++;
    }
    if (check) blocks.push({ t: 'check', line, text: body.trim() });
    else if (item) blocks.push({ t: 'item', line, text: body.trim(), ordered: /\d/.test(item[1]!) });
    else blocks.push({ t: 'para', line, text: body.replace(/[ \t]+$/gm, '') });
  }
  return { blocks, warnings };
}
