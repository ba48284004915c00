// Measures the built CLI as an on-call engineer runs it: in a real pty, for a fixed window.
// Per case and run: child CPU % (from /proc/PID/stat), bytes written to the terminal per second,
// RSS at the end and its growth over the window (/proc/PID/status). Reports the median of N runs.
//
//   node bench/run.mjs [--runs 3] [--seconds 20] [--only NAME] [--settle-timeout 120] [--command FILE.js] [--extra="ARGS"]
//
// --command runs another Node script in place of dist/shipwatch.js (e.g. the test fixture) to check
// the measuring itself; --extra appends arguments to every case (write it with "=" as its value
// starts with a dash). Linux only (/proc).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const { Terminal } = require('@xterm/headless');

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string' },
    only: { type: 'string' },
    command: { type: 'string' },
    extra: { type: 'string', default: '' },
    warmup: { type: 'string', default: '3' },
    'settle-timeout': { type: 'string' },
  },
});

const demo = (scenario) => ['--demo', '--scenario', scenario];
// settle: the screen must match this before the warm-up starts (skipped with --command).
const CASES = [
  { name: 'idle', args: demo('healthy'), cols: 120, rows: 36, seconds: 20, settle: /\bHEALTHY\b/ },
  { name: 'bad-release', args: demo('bad-release'), cols: 120, rows: 36, seconds: 20 },
  { name: 'small', args: demo('bad-release'), cols: 80, rows: 24, seconds: 20 },
  { name: 'log-flood', args: demo('log-flood'), cols: 120, rows: 36, seconds: 30 },
];

const script = resolve(opt.command ?? `${root}dist/shipwatch.js`);
if (!existsSync(script)) {
  console.error(`${script} is missing: run npm run build first`);
  process.exit(1);
}
const runs = Number(opt.runs);
const warmupMs = Number(opt.warmup) * 1000;
// The fixture never shows a verdict, so --command skips settling unless a timeout is given.
const settleMs = Number(opt['settle-timeout'] ?? (opt.command ? 0 : 120)) * 1000;
const extra = opt.extra.split(/\s+/).filter(Boolean);
const cases = CASES.filter((c) => !opt.only || c.name === opt.only);
if (!cases.length) {
  console.error(`no case named ${opt.only}; cases: ${CASES.map((c) => c.name).join(', ')}`);
  process.exit(1);
}

let clkTck = 100;
try {
  clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
} catch {
  // no getconf: Linux's usual 100
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** utime+stime of the process, in seconds. Fields counted after the ")" closing the command name. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / clkTck;
}

function rssKb(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

// Same env as the test harness: a 256-colour terminal, and nothing forcing colour or "CI" mode.
function childEnv() {
  const env = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  for (const k of [
    'FORCE_COLOR',
    'NO_COLOR',
    'CLICOLOR',
    'CLICOLOR_FORCE',
    'COLORTERM',
    'CI',
    'CONTINUOUS_INTEGRATION',
  ])
    delete env[k];
  return env;
}

async function runOnce(c, seconds) {
  const term = new Terminal({ cols: c.cols, rows: c.rows, allowProposedApi: true, scrollback: 0 });
  const child = pty.spawn(process.execPath, [script, ...c.args, ...extra], {
    name: 'xterm-256color',
    cols: c.cols,
    rows: c.rows,
    cwd: root,
    env: childEnv(),
  });
  let bytes = 0;
  let exit;
  child.onData((d) => {
    bytes += Buffer.byteLength(d);
    term.write(d);
  });
  const exited = new Promise((r) => child.onExit((e) => r((exit = e))));
  const screen = () => {
    const b = term.buffer.active;
    return Array.from({ length: c.rows }, (_, i) => b.getLine(b.viewportY + i)?.translateToString(true) ?? '').join(
      '\n',
    );
  };
  const waitUntil = async (ok, ms, what) => {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (exit) throw new Error(`exited (code ${exit.exitCode}) while waiting for ${what}\n${screen().trimEnd()}`);
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
    return true;
  };
  try {
    if (!(await waitUntil(() => bytes > 0, 30_000, 'first output'))) throw new Error('no output within 30 s');
    let settled = true;
    if (c.settle && settleMs) settled = await waitUntil(() => c.settle.test(screen()), settleMs, `${c.settle}`);
    await sleep(warmupMs);
    if (exit) throw new Error(`exited (code ${exit.exitCode}) during warm-up\n${screen().trimEnd()}`);
    const t0 = performance.now();
    const cpu0 = cpuSeconds(child.pid);
    const rss0 = rssKb(child.pid);
    const bytes0 = bytes;
    // RSS halfway too: memory that is bounded stops growing in the second half of a long window.
    await sleep((seconds * 1000) / 2);
    const rssMid = exit ? 0 : rssKb(child.pid);
    await sleep((seconds * 1000) / 2);
    if (exit) throw new Error(`exited (code ${exit.exitCode}) during the window\n${screen().trimEnd()}`);
    const wall = (performance.now() - t0) / 1000;
    const rss1 = rssKb(child.pid);
    return {
      cpuPct: ((cpuSeconds(child.pid) - cpu0) / wall) * 100,
      bytesPerSec: (bytes - bytes0) / wall,
      rssMB: rss1 / 1024,
      rssGrowthMB: (rss1 - rss0) / 1024,
      rssSecondHalfGrowthMB: (rss1 - rssMid) / 1024,
      settled,
    };
  } finally {
    if (!exit) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(2000)]);
      if (!exit) child.kill('SIGKILL');
      await Promise.race([exited, sleep(1000)]);
    }
    term.dispose();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const METRICS = ['cpuPct', 'bytesPerSec', 'rssMB', 'rssGrowthMB', 'rssSecondHalfGrowthMB'];

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
console.log(
  `command: ${script}${extra.length ? ` + ${extra.join(' ')}` : ''}; ${runs} run(s) per case, warm-up ${warmupMs / 1000} s\n`,
);

const results = [];
for (const c of cases) {
  const seconds = Number(opt.seconds ?? c.seconds);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    try {
      const s = await runOnce(c, seconds);
      samples.push(s);
      const warn = s.settled ? '' : ' (did not settle; measured anyway)';
      console.log(
        `  ${c.name} run ${i + 1}: cpu ${s.cpuPct.toFixed(1)}%  ${Math.round(s.bytesPerSec)} B/s  rss ${s.rssMB.toFixed(1)} MB (${s.rssGrowthMB >= 0 ? '+' : ''}${s.rssGrowthMB.toFixed(1)})${warn}`,
      );
    } catch (err) {
      console.log(`  ${c.name} run ${i + 1}: FAILED ${err.message}`);
    }
  }
  const med = samples.length ? Object.fromEntries(METRICS.map((m) => [m, median(samples.map((s) => s[m]))])) : null;
  results.push({
    name: c.name,
    args: [...c.args, ...extra],
    cols: c.cols,
    rows: c.rows,
    seconds,
    runs: samples,
    median: med,
    failed: runs - samples.length,
  });
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  `\n${'case'.padEnd(12)}${pad('size', 8)}${pad('secs', 6)}${pad('cpu %', 8)}${pad('bytes/s', 10)}${pad('rss MB', 9)}${pad('growth MB', 11)}${pad('2nd half', 10)}  runs`,
);
for (const r of results) {
  const m = r.median;
  const cells = m
    ? [
        pad(m.cpuPct.toFixed(1), 8),
        pad(Math.round(m.bytesPerSec), 10),
        pad(m.rssMB.toFixed(1), 9),
        pad(m.rssGrowthMB.toFixed(1), 11),
        pad(m.rssSecondHalfGrowthMB.toFixed(1), 10),
      ]
    : [pad('-', 8), pad('-', 10), pad('-', 9), pad('-', 11)];
  console.log(
    `${r.name.padEnd(12)}${pad(`${r.cols}x${r.rows}`, 8)}${pad(r.seconds, 6)}${cells.join('')}  ${r.runs.length}/${runs}`,
  );
}

mkdirSync(`${root}.bench`, { recursive: true });
const out = { date: new Date().toISOString(), machine, command: script, warmupSeconds: warmupMs / 1000, results };
writeFileSync(`${root}.bench/results.json`, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nwrote .bench/results.json`);
process.exitCode = results.some((r) => r.failed) ? 1 : 0;
