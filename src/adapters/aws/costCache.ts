// Cost Explorer bills every request ($0.01) and its data changes only a few times a day, so the last
// summary is kept in memory and on disk: restarting shipwatch within the hour costs nothing.
// The disk copy is an optimisation only: a missing, corrupt or unwritable cache never fails a read.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { CostSummary } from '../../domain/model.js';

export interface CachedCost {
  /** When the summary was fetched from AWS (the reader's clock). */
  fetchedAt: number;
  summary: CostSummary;
}

/** Bumped when the file's shape changes, so an old file is ignored instead of misread. */
const FORMAT = 1;

/** $XDG_CACHE_HOME/shipwatch, else ~/.cache/shipwatch (the XDG spec says to ignore a relative path). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return xdg && isAbsolute(xdg) ? join(xdg, 'shipwatch') : join(homedir(), '.cache', 'shipwatch');
}

export class CostCache {
  readonly file: string;
  private memory?: CachedCost;

  /** `key` names the account and profile: two accounts must never share a cost summary. */
  constructor(
    dir: string,
    private readonly key: string,
  ) {
    this.file = join(dir, `cost-${key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }

  /** The memory copy if `isFresh` accepts it, else the file's; undefined means "ask AWS". */
  async fresh(isFresh: (e: CachedCost) => boolean): Promise<CostSummary | undefined> {
    if (this.memory && isFresh(this.memory)) return this.memory.summary;
    const disk = await this.readFile();
    if (!disk || !isFresh(disk)) return undefined;
    this.memory = disk;
    return disk.summary;
  }

  /** Keeps the entry in memory, then replaces the file atomically (temp file + rename), best effort. */
  async write(entry: CachedCost): Promise<void> {
    this.memory = entry;
    // Unique per process and call, so two shipwatch instances never write the same temp file.
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFile(tmp, JSON.stringify({ format: FORMAT, key: this.key, ...entry }), { mode: 0o600 });
      await rename(tmp, this.file);
    } catch {
      // Read-only home, full disk, a file where the directory should be: keep working from memory.
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  private async readFile(): Promise<CachedCost | undefined> {
    try {
      const data: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return isEntry(data, this.key) ? { fetchedAt: data.fetchedAt, summary: data.summary } : undefined;
    } catch {
      return undefined; // missing or not JSON: refetch
    }
  }
}

function isEntry(d: unknown, key: string): d is CachedCost & { format: number; key: string } {
  if (typeof d !== 'object' || d === null) return false;
  const e = d as Partial<CachedCost & { format: number; key: string }>;
  const s = e.summary;
  return (
    e.format === FORMAT &&
    e.key === key && // the file name is a lossy form of the key
    typeof e.fetchedAt === 'number' &&
    typeof s === 'object' &&
    s !== null &&
    typeof s.currency === 'string' &&
    typeof s.monthToDate === 'number' &&
    Array.isArray(s.days) &&
    s.days.every(
      (day) => typeof day?.date === 'string' && typeof day.total === 'number' && Array.isArray(day.byService),
    )
  );
}
