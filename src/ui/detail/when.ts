import { clock } from '../../domain/releaseClock.js';
import { utcStamp } from '../format.js';

/** `2025-01-15 12:04:12 UTC (T+04:12)`: absolute, and relative to the release when T+0 is known. */
export const when = (at: number, t0: number | undefined): string =>
  `${utcStamp(at)}${t0 === undefined ? '' : ` (${clock(at - t0)})`}`;
