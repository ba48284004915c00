// Hostile text through every field, end to end: the built CLI against moto seeded with payloads
// (test/helpers/seedHostile.ts), and over an audit file, a runbook and a step's output the test
// writes. The terminal's raw bytes and every non-terminal output are searched for what a terminal
// would act on; each payload's marker must still be there, so "cleaned" is told from "dropped".
// SHIPWATCH_E2E_CLI runs the same tests against another build (e.g. main's, to watch them fail).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';
import {
  BIDI,
  BIDI_TAIL,
  HOSTILE,
  forbiddenIn,
  missingMarkers,
  stringsIn,
  type HostilePayload,
} from '../helpers/hostileText.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { cleanupTerminalsAfterEach, keys, spawnTerminal, type TerminalHandle } from '../helpers/pty.js';
import { motoEnv, SEEDED } from '../helpers/seedAws.js';
import {
  ALARM_PAYLOADS,
  MOTO_KEEPS,
  STOPPED_REASONS,
  STREAM_PAYLOADS,
  seedHostileWorld,
} from '../helpers/seedHostile.js';

const CLI = process.env.SHIPWATCH_E2E_CLI ?? CLI_PATH;
const START_MS = 30_000;
const target = ['--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

cleanupTerminalsAfterEach();

/** JSON with every non-ASCII character escaped: valid YAML too, and no raw DEL or C1 in the file itself. */
const asciiJson = (v: unknown): string =>
  JSON.stringify(v, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

let moto: Moto;
let dir: string;
let config: string;
const stateDir = () => mkdtempSync(join(dir, 'state-'));
const envFor = (state: string) => motoEnv(moto, { XDG_STATE_HOME: state, XDG_CACHE_HOME: state });

beforeAll(async () => {
  moto = await startMoto();
  await seedHostileWorld(moto);
  dir = mkdtempSync(join(tmpdir(), 'shipwatch-hostile-'));
  const output = join(dir, 'step-output.txt');
  writeFileSync(output, HOSTILE.map((p) => p.text).join('\n'));
  writeFileSync(join(dir, 'runbook.md'), runbookOf(HOSTILE));
  config = join(dir, 'shipwatch.json');
  writeFileSync(
    config,
    asciiJson({
      liveTail: false,
      intervals: { service: '2s', alarms: '2s', logs: '1s' },
      checklist: [
        // A step whose output is hostile: `cat` reads only, so `c` runs it without asking.
        { id: 'hostile-output', title: `prints ${HOSTILE[0]!.text}`, kind: 'command', run: `cat ${output}` },
        ...HOSTILE.map((p, i) => ({ id: `hostile-${i + 1}`, title: p.text, kind: 'manual' })),
      ],
    }),
  );
}, 120_000);
afterAll(() => moto?.stop());

function runbookOf(payloads: readonly HostilePayload[]): string {
  const steps = payloads.map(
    (p) => `### ${p.text}\n\n${p.text}\n\n\`\`\`bash\necho '${p.text}'\n\`\`\`\n\nExpected: ${p.text}\n`,
  );
  return `# Hostile runbook\n\n## Post-deployment\n\n${steps.join('\n')}`;
}

/** Nothing a terminal would act on, in a whole output and in every string of its parsed JSON. */
function expectCleanJson(stdout: string): unknown {
  expect(forbiddenIn(stdout, false)).toEqual([]);
  const docs: unknown[] = stdout
    .trim()
    .split(/\n(?=[[{])/)
    .map((chunk) => JSON.parse(chunk) as unknown);
  const dirty = docs.flatMap(stringsIn).flatMap((s) => forbiddenIn(s, false));
  expect(dirty).toEqual([]);
  return docs.length === 1 ? docs[0] : docs;
}

async function pressSlowly(t: TerminalHandle, key: string, times = 1): Promise<void> {
  // One key per read: keys that arrive together may be taken as pasted text.
  for (let i = 0; i < times; i++) {
    t.press(key);
    await sleep(90);
  }
}

/** Number keys focus panes; the focused pane's title is marked ▶ (at 80 columns it is the only one drawn). */
async function focus(t: TerminalHandle, pane: string): Promise<void> {
  await pressSlowly(t, pane);
  await t.waitFor(`▶ [${pane}]`, 5000);
}

/** Focus a pane and scroll it end to end, keeping every screen seen on the way. */
async function scrollThrough(
  t: TerminalHandle,
  pane: string | undefined,
  key: string,
  times: number,
): Promise<string[]> {
  if (pane) await focus(t, pane);
  const seen = [t.screen()];
  for (let i = 0; i < times; i++) {
    await pressSlowly(t, key);
    seen.push(t.screen());
  }
  return seen;
}

const rowsWith = (screens: string[], marker: string) =>
  screens.flatMap((s) => s.split('\n')).filter((row) => row.includes(marker));

// At 80x24 the rollback dialog is taller than the screen: only its last line, the keys, is drawn.
describe.each([
  [120, 40, true],
  [80, 24, false],
])('the dashboard at %ix%i', (cols, rows, dialogFits) => {
  test('draws every field without passing on a sequence, and every marker shows', async () => {
    const t = spawnTerminal({
      args: [CLI, ...target, '--config', config, '--no-bell'],
      cols,
      rows,
      env: envFor(stateDir()),
    });
    await t.waitFor('web:5', START_MS);
    await t.waitFor('HOSTILE', START_MS);

    await focus(t, '6');
    // The log page comes a poll after the service: scroll back only once the newest line is drawn.
    await t.waitFor(MOTO_KEEPS.at(-1)!.marker, START_MS);
    const logs = await scrollThrough(t, undefined, 'k', MOTO_KEEPS.length + 4);
    await pressSlowly(t, 'p'); // back to following before the other panes
    const alarms = await scrollThrough(t, '3', 'j', ALARM_PAYLOADS.length + 4);
    const deployments = await scrollThrough(t, '1', 'j', 40);
    expect.soft(missingMarkers(logs.join('\n'), MOTO_KEEPS), logs.join('\n---\n')).toEqual([]);
    expect.soft(missingMarkers(alarms.join('\n'), ALARM_PAYLOADS)).toEqual([]);
    const firstOfEachReason = STOPPED_REASONS.map((r) => HOSTILE.find((p) => r.startsWith(p.text))!);
    expect.soft(missingMarkers(deployments.join('\n'), firstOfEachReason)).toEqual([]);
    // Text after a bidi override is still drawn, and no row of the pane lost its right border.
    expect.soft(rowsWith(logs, BIDI.marker).some((row) => row.includes(BIDI_TAIL))).toBe(true);
    for (const row of rowsWith(logs, 'HOSTILE').filter((r) => r.startsWith('│')))
      expect.soft(row).toMatch(new RegExp(`^.{${cols - 1}}│$`, 'u'));

    // Container and environment names are drawn by the rollback dialog; n cancels it.
    await pressSlowly(t, 'r');
    await t.waitFor(/n cancel|any other key cancels/, START_MS);
    if (dialogFits) expect(t.screen()).toContain(`c0-${ALARM_PAYLOADS[0]!.marker}`);
    await pressSlowly(t, 'n');
    await t.waitForGone(/n cancel|any other key cancels/, START_MS);

    // The hostile step's output, run with c and opened with o.
    await focus(t, '7');
    await pressSlowly(t, 'c');
    await t.waitFor(/\[ok\]/, START_MS);
    await pressSlowly(t, 'o');
    await t.waitFor('Esc closes', START_MS);
    const output = await scrollThrough(t, undefined, 'j', HOSTILE.length);
    expect.soft(missingMarkers(output.join('\n'))).toEqual([]);
    await pressSlowly(t, keys.escape);

    expect.soft(forbiddenIn(t.raw(), true)).toEqual([]);
    t.press('q');
    await t.exited;
    expect.soft(forbiddenIn(t.raw(), true)).toEqual([]);
  }, 180_000);
});

describe('non-terminal output', () => {
  test('the piped snapshot: plain text with every marker, nothing a terminal acts on', async () => {
    const r = await runCli([...target, '--config', config], {
      env: envFor(stateDir()),
      timeoutMs: 30_000,
      script: CLI,
    });
    expect(r.stdout).toContain('Alarms');
    expect(forbiddenIn(r.stdout, false)).toEqual([]);
    expect(forbiddenIn(r.stderr, false)).toEqual([]);
    expect(missingMarkers(r.stdout, MOTO_KEEPS)).toEqual([]);
  });

  test('--json: every string of every field is clean, and each field carried its payloads', async () => {
    const r = await runCli([...target, '--config', config, '--json'], {
      env: envFor(stateDir()),
      timeoutMs: 30_000,
      script: CLI,
    });
    const doc = expectCleanJson(r.stdout) as Record<string, Record<string, unknown> & unknown[]>;
    const text = (v: unknown) => stringsIn(v).join('\n');
    expect(missingMarkers(text(doc.alarms), ALARM_PAYLOADS)).toEqual([]);
    expect(missingMarkers(text(doc.logs), MOTO_KEEPS)).toEqual([]);
    expect(missingMarkers(text(doc.service!.stoppedTasks), MOTO_KEEPS)).toEqual([]);
    expect(missingMarkers(text(doc.logs), STREAM_PAYLOADS)).toEqual([]);
    expect(
      missingMarkers(
        text(doc.service!.deployments),
        ALARM_PAYLOADS.filter((p) => !p.text.includes(':')),
      ),
    ).toEqual([]);
  });
});

/** Every kind of entry, a payload in each of its strings; cluster and service are the target's, so the report keeps them. */
function hostileAuditLog(at: string): string {
  const entries = HOSTILE.flatMap((p) => {
    const common = { at, who: { caller: `arn:aws:sts::1:assumed-role/${p.text}`, user: p.text, host: p.text } };
    const target = { cluster: SEEDED.cluster, service: SEEDED.service, backend: 'aws' };
    const ref = (revision: number) => ({ family: SEEDED.service, revision });
    return [
      { ...common, ...target, kind: 'alarm', alarm: p.text, from: 'OK', to: 'ALARM', reason: p.text },
      {
        ...common,
        ...target,
        kind: 'rollback',
        phase: 'failed',
        from: ref(5),
        to: ref(4),
        method: p.text,
        error: p.text,
      },
      { ...common, ...target, kind: 'pin', phase: 'failed', from: ref(4), images: [p.text], error: p.text },
      {
        ...common,
        ...target,
        kind: 'checklist',
        step: p.text,
        title: p.text,
        phase: 'post',
        stepKind: 'command',
        status: 'failed',
        summary: p.text,
      },
      // Outside the target: the audit table prints cluster and service too.
      { ...common, cluster: p.text, service: p.text, backend: p.text, kind: 'alarm', alarm: p.text, to: 'OK' },
    ];
  });
  return entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

describe('audit, report and checklist over hostile files', () => {
  let auditFile: string;
  beforeAll(() => {
    auditFile = join(dir, 'audit.jsonl');
    writeFileSync(auditFile, hostileAuditLog(new Date().toISOString()));
  });

  test('shipwatch audit: the table and --json', async () => {
    const table = await runCli(['audit', '--file', auditFile], { script: CLI });
    expect(table.exitCode).toBe(0);
    expect(forbiddenIn(table.stdout, false)).toEqual([]);
    expect(missingMarkers(table.stdout)).toEqual([]);
    const json = await runCli(['audit', '--file', auditFile, '--json'], { script: CLI });
    expect(json.exitCode).toBe(0);
    expectCleanJson(json.stdout);
    expect(missingMarkers(json.stdout)).toEqual([]);
  });

  test('shipwatch report: Markdown and --json, with live data from the hostile world', async () => {
    const args = ['report', ...target, '--config', config, '--audit-file', auditFile, '--since', '1h'];
    const md = await runCli(args, { env: envFor(stateDir()), timeoutMs: 30_000, script: CLI });
    expect(md.stderr).toBe('');
    expect(forbiddenIn(md.stdout, false)).toEqual([]);
    expect(missingMarkers(md.stdout)).toEqual([]);
    const json = await runCli([...args, '--json'], { env: envFor(stateDir()), timeoutMs: 30_000, script: CLI });
    expectCleanJson(json.stdout);
    expect(missingMarkers(json.stdout)).toEqual([]);
  });

  test('shipwatch checklist: titles, commands, notes and expectations of a hostile runbook', async () => {
    const file = join(dir, 'runbook.md');
    const text = await runCli(['checklist', '--runbook', file], { script: CLI });
    expect(text.exitCode).toBe(0);
    expect(forbiddenIn(text.stdout, false)).toEqual([]);
    expect(missingMarkers(text.stdout)).toEqual([]);
    const json = await runCli(['checklist', '--runbook', file, '--json'], { script: CLI });
    expectCleanJson(json.stdout);
    expect(missingMarkers(json.stdout)).toEqual([]);
  });

  test("a hostile step's output, recorded by the dashboard, reads back clean in shipwatch audit", async () => {
    const state = stateDir();
    const t = spawnTerminal({
      args: [CLI, ...target, '--config', config, '--no-bell'],
      cols: 120,
      rows: 40,
      env: envFor(state),
    });
    await t.waitFor('web:5', START_MS);
    await focus(t, '7');
    await pressSlowly(t, 'c');
    await t.waitFor(/\[ok\]/, START_MS);
    t.press('q');
    await t.exited;
    const r = await runCli(['audit', '--file', join(state, 'shipwatch', 'audit.jsonl')], { script: CLI });
    expect(r.stdout).toContain(HOSTILE[0]!.marker);
    expect(forbiddenIn(r.stdout, false)).toEqual([]);
  }, 90_000);
});
