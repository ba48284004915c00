// `--fill v1.X.Y=v1.4.2`: the on-call supplies what a runbook left blank. A step whose
// placeholders are all filled becomes runnable; the ones still blank stay refused.
import { UsageError } from '../domain/errors.js';
import type { ChecklistStepDef } from '../domain/model.js';

export type Fills = Record<string, string>;

/** `NAME=value` pairs from the flag (repeatable) over the config's `fill:` map. */
export function parseFills(pairs: readonly string[], fromConfig: Fills = {}): Fills {
  const out: Fills = { ...fromConfig };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new UsageError(
        `--fill: expected PLACEHOLDER=value, e.g. --fill v1.X.Y=v1.4.2 (got ${JSON.stringify(pair)})`,
      );
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

const replaceAll = (text: string, fills: [string, string][]): string =>
  fills.reduce((t, [k, v]) => t.split(k).join(v), text);

export function fillStep(step: ChecklistStepDef, fills: Fills): ChecklistStepDef {
  const used = (step.placeholders ?? []).filter((p) => fills[p] !== undefined);
  if (used.length === 0) return step;
  const pairs = used.map((p) => [p, fills[p]!] as [string, string]);
  return {
    ...step,
    title: replaceAll(step.title, pairs),
    command: step.command && { ...step.command, run: replaceAll(step.command.run, pairs) },
    placeholders: step.placeholders!.filter((p) => fills[p] === undefined),
    note: [step.note, `filled: ${pairs.map(([k, v]) => `${k}=${v}`).join(', ')}`].filter(Boolean).join(' · '),
  };
}
