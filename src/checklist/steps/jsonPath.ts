// A small JSON path for step expectations: `status`, `checks.db.state`, `items[0].name`, `$.networks`,
// `['key with.dot']`, and `kinds[*].network` (every element's `network`, as a list).

const WILDCARD = Symbol('*');

export type JsonPathSegment = string | number | typeof WILDCARD;

/** The path's segments, or undefined when the path is malformed. */
export function parseJsonPath(path: string): JsonPathSegment[] | undefined {
  let p = path.trim();
  if (p === '') return undefined;
  // A leading `$` is the root (but `$schema` is a key).
  if (p === '$') return [];
  if (p.startsWith('$.') || p.startsWith('$[')) p = p.slice(p[1] === '.' ? 2 : 1);
  const segs: JsonPathSegment[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === '[') {
      const q = p[i + 1];
      if (q === "'" || q === '"') {
        let key = '';
        let j = i + 2;
        for (; j < p.length && p[j] !== q; j++) key += p[j] === '\\' && j + 1 < p.length ? p[++j] : p[j];
        if (p[j] !== q || p[j + 1] !== ']') return undefined;
        segs.push(key);
        i = j + 2;
      } else {
        const end = p.indexOf(']', i);
        if (end < 0) return undefined;
        const inner = p.slice(i + 1, end).trim();
        if (inner === '*') segs.push(WILDCARD);
        else if (/^\d+$/.test(inner)) segs.push(Number(inner));
        else return undefined;
        i = end + 1;
      }
    } else {
      let j = i;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      const key = p.slice(i, j);
      if (key === '') return undefined;
      segs.push(key === '*' ? WILDCARD : key);
      i = j;
    }
    if (i < p.length) {
      if (p[i] === '.') {
        i++;
        if (i >= p.length || p[i] === '[' || p[i] === '.') return undefined;
      } else if (p[i] !== '[') return undefined;
    }
  }
  return segs;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(value: unknown, segs: JsonPathSegment[]): { found: boolean; value?: unknown } {
  let cur = value;
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k]!;
    if (seg === WILDCARD) {
      if (!Array.isArray(cur)) return { found: false };
      const rest = segs.slice(k + 1);
      const out: unknown[] = [];
      for (const el of cur) {
        const r = walk(el, rest);
        if (r.found) out.push(r.value);
      }
      return { found: true, value: out };
    }
    if (Array.isArray(cur)) {
      const idx = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : -1;
      if (idx < 0 || idx >= cur.length) return { found: false };
      cur = cur[idx];
    } else if (isRecord(cur)) {
      const key = String(seg);
      if (!Object.hasOwn(cur, key)) return { found: false };
      cur = cur[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: cur };
}

/** The value at `path` in a parsed JSON document; `found: false` when absent or the path is malformed. */
export function getJsonPath(value: unknown, path: string): { found: boolean; value?: unknown } {
  const segs = parseJsonPath(path);
  return segs ? walk(value, segs) : { found: false };
}
