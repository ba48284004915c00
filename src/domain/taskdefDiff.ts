// What a rollback changes besides the revision number: images, environment (values of names that
// look secret masked), secrets by name, sizes, command, health check, ports. The dialog shows a
// summary, the detail view every line.
import type { ContainerDetail, ContainerInfo, TaskDefinitionInfo } from './model.js';

export interface DiffLine {
  /** Absent for task-level fields (cpu, memory). */
  container?: string;
  field: string;
  /** As the current revision has it; absent when it has none. */
  from?: string;
  /** As the rollback target has it. */
  to?: string;
}

export interface TaskDefDiff {
  /** Containers whose image differs: name, current image tag → target image tag. */
  images: { container: string; from?: string; to?: string }[];
  /** Environment variable names present only in the current or only in the target. */
  envOnlyCurrent: string[];
  envOnlyTarget: string[];
  /** Every difference, images included, in container order; task-level first. */
  lines: DiffLine[];
}

/** Names whose values are credentials in practice: shown as changed or not, never as text. */
const SECRET_NAME = /SECRET|PASS(WORD|WD)?|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|AUTH|DSN|SIGNING|(^|_)KEY($|_)/i;
export const looksSecret = (name: string): boolean => SECRET_NAME.test(name);
export const MASKED = '••••••';

const text = (v: unknown): string | undefined =>
  v === undefined
    ? undefined
    : Array.isArray(v)
      ? JSON.stringify(v)
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

function fieldLines(container: string, a?: ContainerDetail, b?: ContainerDetail): DiffLine[] {
  const out: DiffLine[] = [];
  const field = (name: string, x: unknown, y: unknown) => {
    const from = text(x);
    const to = text(y);
    if (from !== to) out.push({ container, field: name, from, to });
  };
  const envA = a?.env ?? {};
  const envB = b?.env ?? {};
  for (const name of [...new Set([...Object.keys(envA), ...Object.keys(envB)])].sort()) {
    if (envA[name] === envB[name]) continue;
    const mask = (v?: string) => (v === undefined ? undefined : looksSecret(name) ? MASKED : v);
    const masked = looksSecret(name) && envA[name] !== undefined && envB[name] !== undefined;
    out.push({
      container,
      field: `env ${name}`,
      from: mask(envA[name]),
      to: masked ? `${MASKED} (changed)` : mask(envB[name]),
    });
  }
  const secA = new Set(a?.secrets ?? []);
  const secB = new Set(b?.secrets ?? []);
  for (const name of [...new Set([...secA, ...secB])].sort())
    if (secA.has(name) !== secB.has(name))
      out.push({
        container,
        field: `secret ${name}`,
        from: secA.has(name) ? 'set' : undefined,
        to: secB.has(name) ? 'set' : undefined,
      });
  field('cpu', a?.cpu, b?.cpu);
  field('memory', a?.memory, b?.memory);
  field('memoryReservation', a?.memoryReservation, b?.memoryReservation);
  field('essential', a?.essential, b?.essential);
  field('command', a?.command, b?.command);
  field('entryPoint', a?.entryPoint, b?.entryPoint);
  field('healthCheck', a?.healthCheck, b?.healthCheck);
  field('ports', a?.ports.length ? a.ports : undefined, b?.ports.length ? b.ports : undefined);
  return out;
}

function containerLines(name: string, a?: ContainerInfo, b?: ContainerInfo): DiffLine[] {
  if (!a || !b)
    return [{ container: name, field: 'container', from: a ? a.image : undefined, to: b ? b.image : undefined }];
  const image = a.image === b.image ? [] : [{ container: name, field: 'image', from: a.image, to: b.image }];
  // Without the whole definitions (a backend that does not read them) only the names can be compared.
  return [...image, ...(a.detail || b.detail ? fieldLines(name, a.detail, b.detail) : [])];
}

export function diffTaskDefs(current?: TaskDefinitionInfo, target?: TaskDefinitionInfo): TaskDefDiff {
  const cur = new Map((current?.containers ?? []).map((c) => [c.name, c]));
  const tgt = new Map((target?.containers ?? []).map((c) => [c.name, c]));
  const names = [...new Set([...cur.keys(), ...tgt.keys()])];
  const images = names
    .filter((n) => cur.get(n)?.image !== tgt.get(n)?.image)
    .map((n) => ({ container: n, from: cur.get(n)?.imageTag, to: tgt.get(n)?.imageTag }));
  const envCur = new Set([...cur.values()].flatMap((c) => c.envNames));
  const envTgt = new Set([...tgt.values()].flatMap((c) => c.envNames));
  const task: DiffLine[] =
    current && target
      ? (['cpu', 'memory'] as const).flatMap((f) =>
          current[f] !== target[f] ? [{ field: `task ${f}`, from: current[f], to: target[f] }] : [],
        )
      : [];
  return {
    images,
    envOnlyCurrent: [...envCur].filter((e) => !envTgt.has(e)).sort(),
    envOnlyTarget: [...envTgt].filter((e) => !envCur.has(e)).sort(),
    lines: current && target ? [...task, ...names.flatMap((n) => containerLines(n, cur.get(n), tgt.get(n)))] : [],
  };
}

/** Fields short enough to show both values in the summary; the rest say "changed". */
const SCALAR = new Set(['task cpu', 'task memory', 'cpu', 'memory', 'memoryReservation', 'essential']);

/** One line per kind of change, for the rollback dialog: `web: env 2 changed, memory 512 → 1024`. */
export function diffSummary(diff: TaskDefDiff): string[] {
  const byContainer = new Map<string, DiffLine[]>();
  for (const l of diff.lines)
    if (l.field !== 'image')
      byContainer.set(l.container ?? 'task', [...(byContainer.get(l.container ?? 'task') ?? []), l]);
  return [...byContainer].map(([container, lines]) => {
    const env = lines.filter((l) => l.field.startsWith('env ')).length;
    const secrets = lines.filter((l) => l.field.startsWith('secret ')).length;
    const rest = lines
      .filter((l) => !l.field.startsWith('env ') && !l.field.startsWith('secret '))
      .map((l) =>
        l.field === 'container'
          ? l.to
            ? 'added'
            : 'removed'
          : SCALAR.has(l.field)
            ? `${l.field} ${l.from ?? '–'} → ${l.to ?? '–'}`
            : `${l.field} changed`,
      );
    const parts = [env ? `env ${env} changed` : '', secrets ? `secrets ${secrets} changed` : '', ...rest].filter(
      Boolean,
    );
    return `${container}: ${parts.join(', ')}`;
  });
}
