// Process and number helpers: CPU seconds and RSS from /proc (Linux only), sleeping, medians.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clkTck = 100;
try {
  clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
} catch {
  // no getconf: Linux's usual 100
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** utime+stime of the process, in seconds. Fields counted after the ")" closing the command name. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / clkTck;
}

/** Resident set size in MB (VmRSS), NaN when the process is gone. */
export function rssMB(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of the finite values. */
export function percentile(xs, p) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Measures CPU % of one core, RSS, and bytes/s of `term` for `seconds`, RSS halfway too. */
export async function measureWindow(term, seconds, isDone = () => false) {
  const pid = term.pid;
  const t0 = performance.now();
  const cpu0 = cpuSeconds(pid);
  const bytes0 = term.bytes();
  await sleep((seconds * 1000) / 2);
  const rssMid = rssMB(pid);
  await sleep((seconds * 1000) / 2);
  if (isDone()) throw new Error(`exited during the window\n${term.screen().trimEnd()}`);
  const wall = (performance.now() - t0) / 1000;
  const rss = rssMB(pid);
  return {
    cpuPct: ((cpuSeconds(pid) - cpu0) / wall) * 100,
    bytesPerSec: (term.bytes() - bytes0) / wall,
    rssMB: rss,
    rssSecondHalfGrowthMB: rss - rssMid,
  };
}
