// npm run bench: measures the built CLI as an on-call engineer runs it, in a real pty, against the
// demo world and against moto (a real AWS-compatible server). Prints each figure, its target, and
// whether it was met (or MISSED by how much); medians of N runs. Linux only (/proc).
//
//   node bench/run.mjs [--runs 3] [--only NAME] [--quick] [--long [--minutes 10] [--speed 60]] [--json]
//                      [--seconds S] [--settle-timeout 120] [--command FILE.js] [--extra="ARGS"]
//
// --quick shrinks every case (short windows, 1 run) for the smoke test; --long adds the long RSS
// run (--speed 1: the demo clock at real time, for the 2-hour run); --seconds overrides the demo cases' window; --command runs another script in place of
// dist/shipwatch.js; --extra appends arguments to the demo cases (write it with "=").
// Progress goes to stderr; the table (or with --json the JSON document) to stdout; both are also
// written to .bench/results.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ALL_CASES, DEFAULT_CASES } from './cases/index.mjs';
import { finishMachine, machineAtStart } from './lib/machine.mjs';
import { whyMissed } from './lib/why.mjs';
import { table } from './lib/report.mjs';

// The SDK clients that seed moto would print a "Node >= 22 from 2027" notice on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    long: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '10' },
    speed: { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    command: { type: 'string' },
    extra: { type: 'string', default: '' },
    'settle-timeout': { type: 'string', default: '120' },
  },
});

const script = resolve(opt.command ?? process.env.SHIPWATCH_CLI ?? `${root}dist/shipwatch.js`);
if (!existsSync(script)) {
  console.error(`${script} is missing: run npm run build first`);
  process.exit(1);
}
const chosen = opt.only
  ? ALL_CASES.filter((c) => c.name === opt.only)
  : ALL_CASES.filter((c) => DEFAULT_CASES.includes(c.name) || (opt.long && c.name === 'long'));
if (!chosen.length) {
  console.error(`no case named ${opt.only}; cases: ${ALL_CASES.map((c) => c.name).join(', ')}`);
  process.exit(1);
}

const ctx = {
  root,
  script,
  quick: opt.quick,
  runs: opt.quick ? 1 : Math.max(1, Number(opt.runs)),
  seconds: opt.seconds ? Number(opt.seconds) : undefined,
  minutes: Number(opt.minutes),
  speed: Number(opt.speed),
  extra: opt.extra.split(/\s+/).filter(Boolean),
  settleMs: Number(opt['settle-timeout']) * 1000,
  failures: [],
  log: (s) => process.stderr.write(`${s}\n`),
  cleanups: [],
};

const machine = machineAtStart();
const settings = `command: ${script}; ${ctx.runs} run(s) per case${opt.quick ? ' (--quick: short windows)' : ''}`;
ctx.log(`${settings}\ncases: ${chosen.map((c) => c.name).join(', ')}`);
const cases = [];
try {
  for (const c of chosen) {
    ctx.log(`${c.name}: ${c.description}`);
    const t0 = Date.now();
    try {
      const r = await c.run(ctx);
      cases.push({ name: c.name, description: c.description, runs: r.samples.length, ...r });
    } catch (err) {
      ctx.log(`  ${c.name}: FAILED ${err.stack ?? err}`);
      ctx.failures.push(`${c.name}: ${err.message.split('\n')[0]}`);
      cases.push({ name: c.name, description: c.description, runs: 0, figures: [], notes: [], error: err.message });
    }
    ctx.log(`  (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
} finally {
  for (const f of ctx.cleanups.reverse()) await f();
}

const doc = {
  date: new Date().toISOString(),
  machine: finishMachine(machine),
  command: script,
  settings,
  runsPerCase: ctx.runs,
  quick: opt.quick,
  cases,
  missed: cases.flatMap((c) => c.figures.filter((f) => f.missed).map((f) => `${c.name} ${f.key}`)),
  // Each miss with its reason on this machine; null: no reason recorded, so a regression.
  why: Object.fromEntries(
    cases.flatMap((c) =>
      c.figures.filter((f) => f.missed).map((f) => [`${c.name} ${f.key}`, whyMissed(c.name, f.key) ?? null]),
    ),
  ),
  failures: ctx.failures,
};
mkdirSync(`${root}.bench`, { recursive: true });
writeFileSync(`${root}.bench/results.json`, `${JSON.stringify(doc, null, 2)}\n`);
console.log(opt.json ? JSON.stringify(doc, null, 2) : table(doc));
process.exitCode = ctx.failures.length ? 1 : 0;
