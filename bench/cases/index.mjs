// Every case, in the order they run. `long` runs only with --long (or --only long).
import { demoCases } from './demo.mjs';
import firstFrame from './firstFrame.mjs';
import flood from './flood.mjs';
import idleMoto from './idleMoto.mjs';
import logLag from './logLag.mjs';
import long from './long.mjs';
import requests from './requests.mjs';
import signatures from './signatures.mjs';

export const ALL_CASES = [firstFrame, idleMoto, flood, logLag, requests, signatures, ...demoCases, long];
export const DEFAULT_CASES = ALL_CASES.map((c) => c.name).filter((n) => n !== 'long');
