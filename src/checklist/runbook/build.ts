// Blocks → steps, one heading section at a time. See ../runbook.ts for the rules in prose.
import type { ChecklistPhase, ChecklistStepDef } from '../../domain/model.js';
import { toExpectation } from './expectedText.js';
import { fenceStep } from './fence.js';
import { headingInfo, phaseOf, plain, unnumbered, type HeadingInfo } from './headings.js';
import type { Block } from './lex.js';
import { exampleRevisions } from './examples.js';
import { assignedVars, findPlaceholders } from './placeholders.js';
import { EXPECTED, SHELL_LANGS, WINDOWS_LANGS } from './shell.js';

interface Frame {
  level: number;
  text: string;
  line: number;
  info: HeadingInfo;
  isTitle: boolean;
}
type Para = Extract<Block, { t: 'para' }>;

const isCode = (b: Block) => b.t === 'fence' && (SHELL_LANGS.has(b.lang) || WINDOWS_LANGS.has(b.lang));
const STEP_LINE = /^\**step\s+\d+/i;
const noteText = (s: string) => s.split('\n').map(plain).join('\n');

export class Builder {
  readonly steps: ChecklistStepDef[] = [];
  readonly warnings: string[] = [];
  private stack: Frame[] = [];
  private phase: ChecklistPhase = 'pre'; // carried from the last section that named one
  private assigned: Set<string>;
  private examples: Set<string>;
  private codeCount = new Map<number, number>(); // command-like blocks per section, by heading line
  private skipping?: { frame: Frame; code: number; checks: number };
  // The current section: the nearest step notes fold into, notes waiting for the next step, the
  // last paragraph (a sub-title if a block follows), a numbered item waiting for its code.
  private last?: ChecklistStepDef;
  private made = 0;
  private codeSeen = 0;
  private pending: string[] = [];
  private held?: Para;
  private anchor?: { text: string; line: number; notes: string[] };
  private expectOpen?: { step: ChecklistStepDef; label: string; lines: string[] };

  constructor(
    private readonly file: string,
    blocks: readonly Block[],
  ) {
    this.assigned = assignedVars(
      blocks.flatMap((b) => (b.t === 'fence' && SHELL_LANGS.has(b.lang) ? [b.body.join('\n')] : [])),
    );
    this.examples = exampleRevisions(blocks);
    // Blocks that a numbered item or "Step N:" names do not make the heading's title ambiguous.
    let section = 0;
    blocks.forEach((b, i) => {
      const prev = blocks[i - 1];
      const named = prev && ((prev.t === 'item' && prev.ordered) || (prev.t === 'para' && STEP_LINE.test(prev.text)));
      if (b.t === 'heading') section = b.line;
      else if (isCode(b) && !named) this.codeCount.set(section, (this.codeCount.get(section) ?? 0) + 1);
    });
    // A lone level-1 heading is the document's title: it names no phase ("Production Deployment Checklist").
    const h1 = blocks.filter((b) => b.t === 'heading' && b.level === 1);
    const titleLine = h1.length === 1 && blocks.find((b) => b.t === 'heading') === h1[0] ? h1[0]!.line : -1;
    for (const b of blocks) this.block(b, titleLine);
    this.closeSection(0);
    if (this.skipping) this.endSkip();
  }

  private get frame(): Frame | undefined {
    return this.stack.at(-1);
  }

  private block(b: Block, titleLine: number): void {
    if (b.t === 'heading') {
      if (this.skipping && b.level <= this.skipping.frame.level) this.endSkip();
      if (!this.skipping) this.closeSection(b.level);
      while ((this.frame?.level ?? 0) >= b.level) this.stack.pop();
      const isTitle = b.line === titleLine;
      // A parent's prose was waiting for a sub-section's step; a skipped one will not make any.
      if (!this.skipping && !isTitle && headingInfo(b.text).skip) this.sectionStep();
      const frame = {
        level: b.level,
        text: b.text,
        line: b.line,
        isTitle,
        info: isTitle ? { skip: false } : headingInfo(b.text),
      };
      this.stack.push(frame);
      if (!this.skipping && frame.info.skip) this.skipping = { frame, code: 0, checks: 0 };
      return;
    }
    if (this.skipping) {
      if (isCode(b)) this.skipping.code++;
      if (b.t === 'check') this.skipping.checks++;
      return;
    }
    if (b.t !== 'item' && !(b.t === 'fence' && this.expectOpen && !isCode(b))) this.closeExpect();
    switch (b.t) {
      case 'para': {
        this.flushHeld();
        const expected = this.last && EXPECTED.exec(b.text);
        if (expected && this.last) {
          if (expected[1]!.trim()) this.applyExpect(this.last, expected[1]!.split('\n'));
          else this.expectOpen = { step: this.last, label: plain(b.text), lines: [] };
        } else if (STEP_LINE.test(b.text)) {
          this.flushAnchor();
          this.anchor = { text: unnumbered(plain(b.text)).replace(/:$/, ''), line: b.line, notes: [] };
        } else this.held = b;
        return;
      }
      case 'item':
        if (this.expectOpen) this.expectOpen.lines.push(plain(b.text));
        else if (b.ordered) {
          this.flushHeld();
          this.flushAnchor();
          this.anchor = {
            text: plain(b.text.split('\n')[0]!),
            line: b.line,
            notes: b.text.includes('\n') ? [noteText(b.text.split('\n').slice(1).join('\n'))] : [],
          };
        } else this.addNote(`- ${noteText(b.text)}`);
        return;
      case 'table':
        return this.addNote(noteText(b.text));
      case 'check': {
        this.flushAnchor();
        // Code in a checkbox is something to do by hand: it stays manual, the code goes in the note.
        const code = [...b.text.matchAll(/`([^`]+)`/g)]
          .map((m) => m[1]!)
          .filter((c) => /\s/.test(c.trim()) || /^\.{1,2}[\\/]|^[A-Za-z]:\\/.test(c));
        this.make(
          { title: plain(b.text), kind: 'manual' },
          b.line,
          code.map((c) => `command (run by hand): ${c}`),
        );
        return;
      }
      case 'fence':
        if (this.expectOpen && !isCode(b)) {
          this.expectOpen.lines.push(...b.body);
          return this.closeExpect();
        }
        if (isCode(b)) return this.code(b);
        return this.addNote(b.body.join('\n'));
    }
  }

  private code(b: Extract<Block, { t: 'fence' }>): void {
    const held =
      this.held && !this.held.text.includes('\n') && this.held.text.length <= 80
        ? plain(this.held.text).replace(/:$/, '')
        : undefined;
    const f = fenceStep(b.lang, b.body, {
      heading: this.frame && unnumbered(plain(this.frame.text)),
      held,
      anchor: this.anchor,
      count: this.codeCount.get(this.frame?.line ?? 0) ?? 1,
      index: ++this.codeSeen,
    });
    this.anchor = undefined;
    const step = this.make(f.draft, b.line, f.notes, f.code);
    if (f.why) this.warnings.push(`${step.id} '${step.title}' (line ${b.line}): ${f.why}`);
    for (const e of f.expects) this.applyExpect(step, e);
  }

  /** A step for the current section; the notes waiting for it come first. */
  private make(
    p: Pick<ChecklistStepDef, 'title' | 'kind' | 'command'>,
    line: number,
    notes: string[],
    code?: { text: string; shell: boolean },
  ): ChecklistStepDef {
    const infos = this.stack.filter((f) => !f.isTitle).map((f) => f.info);
    const off = [...infos].reverse().find((i) => i.offPath)?.offPath;
    if (!off) this.phase = phaseOf(infos) ?? this.phase;
    const title = off ? `[${off}] ${p.title}` : p.title;
    const placeholders = [
      ...new Set([
        ...findPlaceholders(title),
        ...(code ? findPlaceholders(code.text, code.shell ? this.assigned : undefined, this.examples) : []),
      ]),
    ];
    const held = this.held ? [noteText(this.held.text)] : [];
    const note = [...this.pending, ...held, ...notes].join('\n');
    this.pending = [];
    this.held = undefined;
    const step: ChecklistStepDef = {
      id: `rb-${this.steps.length + 1}`,
      title,
      phase: off ? 'post' : this.phase,
      kind: p.kind,
      ...(p.command && { command: p.command }),
      ...(placeholders.length && { placeholders }),
      source: { file: this.file, line },
      ...(note && { note }),
    };
    this.steps.push(step);
    this.last = step;
    this.made++;
    return step;
  }

  private addNote(text: string): void {
    this.flushHeld();
    if (this.anchor) this.anchor.notes.push(text);
    else if (this.last) this.last.note = this.last.note ? `${this.last.note}\n${text}` : text;
    else this.pending.push(text);
  }

  private flushHeld(): void {
    const held = this.held;
    this.held = undefined;
    if (held) this.addNote(noteText(held.text));
  }

  private flushAnchor(): void {
    const a = this.anchor;
    this.anchor = undefined;
    if (a) this.make({ title: a.text, kind: 'manual' }, a.line, a.notes);
  }

  private applyExpect(step: ChecklistStepDef, lines: string[]): void {
    const e = toExpectation(lines);
    const cmd = step.command;
    if (cmd && e.expect && Object.keys(cmd.expect).length === 0) cmd.expect = e.expect;
    else if (lines.some((l) => l.trim()))
      step.note = [step.note, `expect (check by eye): ${e.byEye ?? lines.map((l) => l.trim()).join('; ')}`]
        .filter(Boolean)
        .join('\n');
  }

  private closeExpect(): void {
    const open = this.expectOpen;
    this.expectOpen = undefined;
    if (open && open.lines.length) this.applyExpect(open.step, open.lines);
    else if (open) this.addNote(open.label);
  }

  /** Before the next heading: prose-only sections become one manual step, or wait for a sub-section. */
  private closeSection(nextLevel: number): void {
    this.closeExpect();
    this.flushAnchor();
    this.flushHeld();
    if (this.made === 0 && !(this.frame && nextLevel > this.frame.level && !this.frame.isTitle)) this.sectionStep();
    this.last = undefined;
    this.made = 0;
    this.codeSeen = 0;
  }

  /** Notes no step took: the section's own manual step, or a warning for the title's introduction. */
  private sectionStep(): void {
    const f = this.frame;
    if (!this.pending.length) return;
    if (f && !f.isTitle) this.make({ title: unnumbered(plain(f.text)), kind: 'manual' }, f.line, []);
    else
      this.warnings.push(
        f
          ? `skipped the text under the title '${plain(f.text)}' (line ${f.line}): not steps`
          : 'skipped the text before the first heading: not steps',
      );
    this.pending = [];
  }

  private endSkip(): void {
    const { frame, code, checks } = this.skipping!;
    this.skipping = undefined;
    const parts = [code ? `${code} shell block(s)` : '', checks ? `${checks} checkbox(es)` : ''].filter(Boolean);
    const extra = parts.length ? `; its ${parts.join(' and ')} were not imported` : '';
    this.warnings.push(`skipped section '${plain(frame.text)}' (line ${frame.line}): not steps${extra}`);
  }
}
