// Cost Explorer bills every request ($0.01) and its data changes at most three times a day, so the
// last answers are kept in memory and on disk: restarting shipwatch within their life costs nothing.
// Two parts with their own lifetimes (cost.ts decides them): the GetCostAndUsage results and the
// GetCostForecast answer, each with when it was fetched and the period it covers.
// The disk copy is an optimisation only: a missing, corrupt or unwritable cache never fails a read.
import type { ResultByTime } from '@aws-sdk/client-cost-explorer';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** GetCostAndUsage's days, as AWS sent them, for the period asked (Start inclusive, End exclusive). */
export interface CachedUsage {
  /** When it was fetched from AWS (the reader's clock). */
  fetchedAt: number;
  start: string;
  end: string;
  results: ResultByTime[];
}

/** GetCostForecast for start..end (the month's end); no amount when AWS had none to give. */
export interface CachedForecast {
  fetchedAt: number;
  start: string;
  end: string;
  amount?: number;
}

export interface CachedCost {
  usage?: CachedUsage;
  forecast?: CachedForecast;
}

/** Bumped when the file's shape changes, so an old file is ignored instead of misread. */
const FORMAT = 2;

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

  /** The newer of the memory and the file's copy of each part (another shipwatch may have written the file). */
  async read(): Promise<CachedCost> {
    const disk = await this.readFile();
    const newer = <T extends { fetchedAt: number }>(a?: T, b?: T): T | undefined =>
      !a ? b : !b ? a : b.fetchedAt > a.fetchedAt ? b : a;
    return { usage: newer(this.memory?.usage, disk?.usage), forecast: newer(this.memory?.forecast, disk?.forecast) };
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
      if (!isEntry(data, this.key)) return undefined;
      return {
        usage: isUsage(data.usage) ? data.usage : undefined,
        forecast: isForecast(data.forecast) ? data.forecast : undefined,
      };
    } catch {
      return undefined; // missing or not JSON: refetch
    }
  }
}

const isObject = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null;

function isEntry(d: unknown, key: string): d is { format: number; key: string; usage?: unknown; forecast?: unknown } {
  return isObject(d) && d.format === FORMAT && d.key === key; // the file name is a lossy form of the key
}

const isPeriod = (d: Record<string, unknown>) =>
  typeof d.fetchedAt === 'number' && typeof d.start === 'string' && typeof d.end === 'string';

function isUsage(d: unknown): d is CachedUsage {
  return isObject(d) && isPeriod(d) && Array.isArray(d.results) && d.results.every(isObject);
}

function isForecast(d: unknown): d is CachedForecast {
  return isObject(d) && isPeriod(d) && (d.amount === undefined || typeof d.amount === 'number');
}
