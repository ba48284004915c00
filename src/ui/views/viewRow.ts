// A row of a list view (verdict, error signatures, tasks): one terminal row of text, and the key it
// opens by in the detail view; rows without a key are headings and notes the cursor passes over.
import type { Tone } from '../theme.js';

export interface ViewRow {
  /** Identity for the cursor and the detail view (`m:p99`, `s:12`, `t:0f3c…`); absent: not openable. */
  key?: string;
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export const heading = (text: string): ViewRow => ({ text, bold: true });
export const note = (text: string, tone: Tone = 'dim'): ViewRow => ({ text, tone });
