// Reading the audit log back. The file is outside text: a crash may have torn a line, an editor or
// another tool may have written anything. Every line that is an entry is returned, with its strings
// sanitised (they reach the terminal, the report and JSON output); every other line is named.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AuditEntry } from '../domain/audit.js';
import { errorMessage } from '../domain/errors.js';
import { sanitizeDeep, sanitizeLine } from '../domain/sanitize.js';

export interface AuditRead {
  entries: AuditEntry[];
  /** One line each: why the file could not be read, or which lines are not entries. */
  problems: string[];
  /** 'missing': no file yet (nothing recorded), not a problem; 'unreadable': no entries could be read. */
  file: 'read' | 'missing' | 'unreadable';
}

const ref = z.looseObject({ family: z.string(), revision: z.number() });
// Phases and statuses are kept as strings: a newer shipwatch may add one, and a reader that
// refused it would lose the record.
const kinds = {
  rollback: {
    phase: z.string(),
    from: ref,
    to: ref,
    method: z.string(),
    source: z.string().optional(),
    error: z.string().optional(),
  },
  alarm: { alarm: z.string(), from: z.string().optional(), to: z.string(), reason: z.string().optional() },
  pin: {
    phase: z.string(),
    from: ref,
    to: ref.optional(),
    images: z.array(z.string()),
    error: z.string().optional(),
  },
  release: {
    released: ref,
    previous: ref.optional(),
    t0: z.string(),
    deploymentId: z.string(),
    replaced: ref.optional(),
  },
  checklist: {
    step: z.string(),
    title: z.string(),
    phase: z.string(),
    stepKind: z.string(),
    status: z.string(),
    durationMs: z.number().optional(),
    outputDigest: z.string().optional(),
    summary: z.string().optional(),
  },
} satisfies Record<AuditEntry['kind'], z.ZodRawShape>;

const common = {
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time'),
  who: z.looseObject({ caller: z.string().optional(), user: z.string(), host: z.string() }),
  cluster: z.string(),
  service: z.string(),
  backend: z.string(),
};

// Loose: fields this version does not know (a newer writer's) are kept, not a reason to refuse.
const schemas = Object.fromEntries(
  Object.entries(kinds).map(([kind, shape]) => [kind, z.looseObject({ ...common, kind: z.literal(kind), ...shape })]),
) as Record<string, z.ZodType>;

/** The entry a parsed line is, or why it is not one, in a few words. */
function asEntry(value: unknown): { entry?: AuditEntry; why?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { why: 'not an object' };
  const kind = (value as { kind?: unknown }).kind;
  const schema = typeof kind === 'string' ? schemas[kind] : undefined;
  if (!schema) return { why: typeof kind === 'string' ? `unknown kind "${kind.slice(0, 40)}"` : 'no kind' };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { entry: sanitizeDeep(parsed.data as AuditEntry) };
  const issue = parsed.error.issues[0];
  return {
    why: `${issue?.path.join('.') || 'entry'}: ${(issue?.message ?? 'invalid').replace(/^Invalid input: /, '')}`,
  };
}

function readProblem(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : errorMessage(e);
  return `cannot read ${path}: ${why}`;
}

/** Every line that is an entry, and a problem line for each that is not; never throws. */
export function readAudit(path: string, readFile = (p: string) => readFileSync(p, 'utf8')): AuditRead {
  let text: string;
  try {
    text = readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [], file: 'missing' };
    return { entries: [], problems: [sanitizeLine(readProblem(path, e))], file: 'unreadable' };
  }
  const entries: AuditEntry[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not an audit entry (torn write?)`);
      return;
    }
    const { entry, why } = asEntry(value);
    if (entry) entries.push(entry);
    else problems.push(sanitizeLine(`line ${i + 1}: not an audit entry (${why})`));
  });
  return { entries, problems, file: 'read' };
}

/** The read's problems in one line, for the dashboard's notice; undefined when there are none. */
export function auditSummary(path: string, read: AuditRead): string | undefined {
  const [first, ...rest] = read.problems;
  if (!first) return undefined;
  if (read.file === 'unreadable') return `audit log: ${first}`;
  return `audit log ${path}: ${first}${rest.length ? ` (and ${rest.length} more lines)` : ''}`;
}
