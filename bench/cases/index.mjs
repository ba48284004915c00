// Every case, in the order they run. `long` runs only with --long (or --only long).
import { demoCases } from './demo.mjs';

export const ALL_CASES = [...demoCases];
export const DEFAULT_CASES = ALL_CASES.map((c) => c.name).filter((n) => n !== 'long');
