// The benchmark suite runs end to end (npm run bench --quick): every default case produces figures,
// the targets are attached, and "missed" follows from figure against target. The measured numbers
// themselves are not asserted (timed assertions are banned: they pass or fail with the machine's load).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CASES = [
  'first-frame',
  'idle-moto',
  'flood',
  'log-lag',
  'requests',
  'signatures',
  'idle-demo',
  'bad-release',
  'small',
];

interface Figure {
  key: string;
  value: number | null;
  unit: string;
  target: { op: '<=' | '±'; value: number } | null;
  missed: boolean | null;
  by: number | null;
}
interface Case {
  name: string;
  runs: number;
  figures: Figure[];
  notes: string[];
  error?: string;
}
interface Doc {
  machine: { cpu: string; cores: number; memoryGB: number; loadavgStart: number[]; loadavgEnd: number[] };
  cases: Case[];
  missed: string[];
  why: Record<string, string | null>;
  failures: string[];
}

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/run.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, SHIPWATCH_CLI: CLI_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let doc: Doc;
let stderr = '';

beforeAll(async () => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first (npm test does)`);
  const r = await runBench(['--quick', '--json']);
  stderr = r.stderr;
  if (r.code !== 0) throw new Error(`bench exited ${r.code}\n${r.stderr.slice(-4000)}`);
  doc = JSON.parse(r.stdout) as Doc;
}, 300_000);

describe('npm run bench -- --quick --json', () => {
  it('notes the machine and its load at the start and the end', () => {
    expect(doc.machine.cpu).not.toBe('');
    expect(doc.machine.cores).toBeGreaterThan(0);
    expect(doc.machine.memoryGB).toBeGreaterThan(0);
    expect(doc.machine.loadavgStart).toHaveLength(3);
    expect(doc.machine.loadavgEnd).toHaveLength(3);
  });

  it('runs every default case without a failed run', () => {
    expect(doc.cases.map((c) => c.name)).toEqual(CASES);
    expect(doc.failures, stderr.slice(-4000)).toEqual([]);
    for (const c of doc.cases) {
      expect(c.error, c.name).toBeUndefined();
      expect(c.runs, c.name).toBeGreaterThan(0);
    }
  });

  it('gives every case numeric figures, and every moto/flood case at least one target', () => {
    for (const c of doc.cases) {
      expect(c.figures.length, c.name).toBeGreaterThan(0);
      for (const f of c.figures) {
        // A figure is only left unmeasured when the case says why (e.g. no AWS CLI on PATH).
        if (f.value === null) expect(c.notes.join('\n'), `${c.name} ${f.key}`).toMatch(/skipped/);
        else expect(Number.isFinite(f.value), `${c.name} ${f.key}`).toBe(true);
      }
      expect(
        c.figures.some((f) => f.target && typeof f.value === 'number'),
        c.name,
      ).toBe(true);
    }
  });

  it('computes missed from the figure against its target', () => {
    const missed: string[] = [];
    for (const c of doc.cases)
      for (const f of c.figures) {
        if (!f.target) {
          expect(f.missed, `${c.name} ${f.key}`).toBeNull();
          continue;
        }
        expect(typeof f.target.value).toBe('number');
        if (f.value === null) continue;
        const over = f.target.op === '±' ? Math.abs(f.value) - f.target.value : f.value - f.target.value;
        expect(f.missed, `${c.name} ${f.key}`).toBe(over > 0);
        expect(f.by).toBeCloseTo(over, 9);
        if (f.missed) missed.push(`${c.name} ${f.key}`);
      }
    expect(doc.missed).toEqual(missed);
    // Every miss carries its recorded reason on this machine, or null (no reason: a regression).
    expect(Object.keys(doc.why).sort()).toEqual([...missed].sort());
    for (const m of missed) expect(doc.why[m] === null || doc.why[m]!.length > 40, m).toBe(true);
  });
});
