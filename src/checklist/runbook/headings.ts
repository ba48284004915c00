// What a heading says about the steps under it: their phase, whether they are off the happy path
// (rollback, troubleshooting), or whether the section holds no steps at all (contacts, links).
import type { ChecklistPhase } from '../../domain/model.js';

/** Markdown inline syntax off, for titles shown in a plain-text list. */
export function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/_{4,}/g, '___')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)__(?=[^\s_])(.*?[^\s_])__(?=$|[\s.,:;!?)])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "3. Apply", "Step 3: Apply", "Step 3 - Apply" → "Apply": shipwatch numbers the list itself. */
export const unnumbered = (text: string): string =>
  text.replace(/^(?:step\s+\d+(?:\.\d+)*\s*[.):-]?|\d+(?:\.\d+)+\.?|\d+[.)])\s+(?=\S)/i, '').trim(); // not "2024 cleanup"

export type OffPath = 'rollback' | 'troubleshooting' | 'emergency';

export interface HeadingInfo {
  skip: boolean;
  offPath?: OffPath;
  /** Explicit: pre-/post-deploy, before/after the release. The nearest one wins. */
  strong?: ChecklistPhase;
  /** A hint (validation, smoke, deployment): the outermost one wins, so "Performance Validation"
   *  under "Post-Deployment Validation" stays post. */
  weak?: ChecklistPhase;
}

// Sections that are reference material, not things to do. Matched against the whole heading
// where a word alone would be too broad ("Verify Resources Created" is a step).
const SKIP = [
  /\bcontacts\b|^contact( info(rmation)?)?$|\bescalation (list|contacts)\b|\bon-?call rota\b/,
  /^(additional |further |useful |other |related )?(resources|references|links|reading)$/,
  /^see also$|^appendix\b|^glossary$|^change ?log$|^revision history$|^(table of )?contents$|^toc$/,
  /\(future\)|\bfuture (work|improvements)\b|^automation ideas$/,
  /\bcompliance\b|^audit( trail| log)?$/,
  /^(notes?|summary|overview|introduction|purpose|background|about( this (runbook|document|checklist))?)$|\bchecklist summary\b/,
];

const OFF_PATH: [RegExp, OffPath][] = [
  [/\broll ?backs?\b|\brevert\b/, 'rollback'],
  [
    /troubleshoot|\bcommon (issues|problems|errors)\b|\bknown issues\b|\bissues and solutions\b|\bfaq\b|\bdebugging\b/,
    'troubleshooting',
  ],
  [/\bemergency\b|\bincident\b/, 'emergency'],
];

const STRONG: [RegExp, ChecklistPhase][] = [
  [/\bpre[- ]?(deploy|release|rollout|flight|launch)|\bbefore (the )?(deploy|release|rollout)/, 'pre'],
  [/\bpost[- ]?(deploy|release|rollout|launch)|\bafter (the )?(deploy|release|rollout)/, 'post'],
];

const WEAK: [RegExp, ChecklistPhase][] = [
  [/\b(before|prep|preparation|prepare|prerequisites?|readiness|validation|pre)\b/, 'pre'],
  [/\b(post|after|verification|smoke|monitor|monitoring|observe|soak|follow-?up)\b/, 'post'],
  [/\b(deploy|deployment|deploying|rollout|roll out|release|cutover|launch)\b/, 'deploy'],
];

const first = <T>(table: [RegExp, T][], text: string): T | undefined => table.find(([re]) => re.test(text))?.[1];

export function headingInfo(text: string): HeadingInfo {
  const t = unnumbered(plain(text)).toLowerCase();
  return {
    skip: SKIP.some((re) => re.test(t)),
    offPath: first(OFF_PATH, t),
    strong: first(STRONG, t),
    weak: first(WEAK, t),
  };
}

/** The phase of steps under a stack of headings (outermost first), or undefined to carry on the last one. */
export function phaseOf(stack: HeadingInfo[]): ChecklistPhase | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.strong) return stack[i]!.strong;
  return stack.find((h) => h.weak)?.weak;
}
