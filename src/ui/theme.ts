import type { RolloutState } from '../domain/model.js';

// Colour tokens and glyph sets. Colour is never the only signal: every coloured state also has
// a glyph or word, because the bastion terminal may have NO_COLOR set.
export const theme = {
  ok: 'green',
  warn: 'yellow',
  bad: 'red',
  dim: 'gray',
  accent: 'cyan',
  focus: 'cyanBright',
} as const;

export type Tone = keyof typeof theme;

export const rolloutColor = (s?: RolloutState): string | undefined =>
  s === 'FAILED' ? theme.bad : s === 'COMPLETED' ? theme.ok : s === 'IN_PROGRESS' ? theme.accent : undefined;

export const borderStyle = (ascii: boolean): 'classic' | 'round' => (ascii ? 'classic' : 'round');

export interface Glyphs {
  /** Marks the focused pane and the selected row. */
  marker: string;
  /** Top-left, horizontal and top-right of the frame; must match `borderStyle`. */
  topLeft: string;
  horizontal: string;
  topRight: string;
  barFull: string;
  barEmpty: string;
  rangeDash: string;
}

const UNICODE: Glyphs = {
  marker: '▶',
  topLeft: '╭',
  horizontal: '─',
  topRight: '╮',
  barFull: '█',
  barEmpty: '░',
  rangeDash: '–',
};

const ASCII: Glyphs = {
  marker: '>',
  topLeft: '+',
  horizontal: '-',
  topRight: '+',
  barFull: '#',
  barEmpty: '.',
  rangeDash: '-',
};

export const glyphs = (ascii: boolean): Glyphs => (ascii ? ASCII : UNICODE);
