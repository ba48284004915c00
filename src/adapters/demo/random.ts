// Seeded randomness. The demo must replay exactly from a seed, so nothing here touches Math.random.

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for a simulation that only needs to look plausible. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes integers into one 32-bit seed. Used where a value must be a pure function of its coordinates
 * (a log line of a given sequence number, a pre-release metric minute) so it can be computed or
 * skipped out of order without disturbing the main stream.
 */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    // Split so that values above 2^32 (epoch minutes, long runs) still mix in fully.
    for (const word of [p >>> 0, Math.floor(p / 4294967296) >>> 0]) {
      h = Math.imul(h ^ word, 0x01000193);
      h ^= h >>> 13;
      h = Math.imul(h, 0x5bd1e995);
      h ^= h >>> 15;
    }
  }
  return h >>> 0;
}

export const rngAt = (...parts: number[]): Rng => mulberry32(hash32(...parts));

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Symmetric noise in [-amplitude, +amplitude]. */
export const jitter = (rng: Rng, amplitude: number): number => (rng() * 2 - 1) * amplitude;

export function hex(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

export function digits(rng: Rng, length: number): string {
  let s = String(int(rng, 1, 9));
  for (let i = 1; i < length; i++) s += String(Math.floor(rng() * 10));
  return s;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function alnum(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM[Math.floor(rng() * ALNUM.length)];
  return s;
}

export const uuid = (rng: Rng): string =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${pick(rng, ['8', '9', 'a', 'b'])}${hex(rng, 3)}-${hex(rng, 12)}`;
