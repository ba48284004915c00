// src/checklist — the release checklist: this runner, the built-in checks and the wait step (judged on
// ReleaseSignals), the step kinds (steps/: http, command), command risk, and the Markdown runbook
// importer (runbook/). Imports domain only; the app hosts the runner through ChecklistHost (host.ts).
//
// Runs checklist steps without freezing the UI: each run is a promise with its own AbortController,
// its status reported to the host (the app's store), and its result in the audit log.
import { createHash } from 'node:crypto';
import { isAutomatic, isBuiltIn, runBuiltIn } from './builtIns.js';
import type { ChecklistStepDef } from '../domain/model.js';
import { waitStep } from './waitStep.js';
import { commandRisk, httpMethodReads, riskReason } from './commandRisk.js';
import type { StepOutcome, CommandRunner, HttpRunner } from './steps/types.js';
import type { ChecklistHost } from './host.js';

export interface StepRunners {
  http: HttpRunner;
  command: CommandRunner;
}

const LIVE_OUTPUT_CHARS = 64 * 1024;
const LIVE_FLUSH_MS = 250;
const digest = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
const firstLine = (s: string): string => s.split('\n', 1)[0] ?? '';

/** Deny by default: every command not known to only read is shown whole and runs only after `y`. */
export const needsConfirmation = (step: ChecklistStepDef): boolean =>
  Boolean(step.command && commandRisk(step.command.run).kind !== 'reads');

function refusalOf(step: ChecklistStepDef, readOnly: boolean, confirmed: boolean): string | undefined {
  if (step.placeholders?.length)
    return `fill ${step.placeholders.join(', ')} in "${step.title}" first (--fill PLACEHOLDER=value)`;
  if (step.http && readOnly && !httpMethodReads(step.http.method))
    return `read-only mode: ${step.http.method} may change things`;
  if (!step.command) return undefined;
  const risk = commandRisk(step.command.run);
  if (risk.kind === 'reads') return undefined;
  // Read-only means read-only: only commands made wholly of known readers run, confirmed or not.
  if (readOnly) return `read-only mode: ${riskReason(risk)}`;
  if (!confirmed) return `${riskReason(risk)}: confirm with y`;
  return undefined;
}

export class ChecklistRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly host: ChecklistHost,
    private readonly runners: StepRunners,
  ) {}

  private record(event: Parameters<ChecklistHost['record']>[0]): boolean | void {
    return this.host.record(event);
  }

  isRunning(id?: string): boolean {
    return id === undefined ? this.running.size > 0 : this.running.has(id);
  }

  private step(id: string): ChecklistStepDef | undefined {
    return this.host.steps().find((s) => s.id === id);
  }

  /** A running command's output reaches the store at most 4 times a second, so `o` can follow it. */
  private follow(id: string, startedAt: number): { onOutput: (chunk: string) => void; stop: () => void } {
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      this.host.report(id, { status: 'running', startedAt, output: text });
    };
    return {
      onOutput: (chunk) => {
        text = (text + chunk).slice(-LIVE_OUTPUT_CHARS);
        timer ??= setTimeout(flush, LIVE_FLUSH_MS);
      },
      stop: () => clearTimeout(timer),
    };
  }

  private async execute(step: ChecklistStepDef, signal: AbortSignal, startedAt: number): Promise<StepOutcome> {
    if (step.kind === 'http' && step.http) return this.runners.http(step.http, signal);
    if (step.kind === 'command' && step.command) {
      const live = this.follow(step.id, startedAt);
      try {
        return await this.runners.command(step.command, signal, live.onOutput);
      } finally {
        live.stop();
      }
    }
    if (step.kind === 'wait') return waitStep(this.host, Number(step.params?.minutes ?? 10), signal);
    if (isBuiltIn(step)) {
      const o = runBuiltIn(step, this.host.signals(), this.host.now());
      return { passed: o.passed, summary: o.output, output: o.output };
    }
    return { passed: false, summary: `nothing to run for a ${step.kind} step`, output: '' };
  }

  /** Runs one step; resolves to whether it passed. Refuses (and says why) what must not run now. */
  async run(id: string, opts: { confirmed?: boolean } = {}): Promise<boolean> {
    const step = this.step(id);
    if (!step || this.running.has(id)) return false;
    const refusal = refusalOf(step, this.host.readOnly(), opts.confirmed ?? false);
    if (refusal) {
      this.host.notice(`not run: ${refusal}`);
      return false;
    }
    if (step.kind === 'manual') {
      this.tick(id);
      return this.host.result(id)?.status === 'passed';
    }
    // A command may change things: it is on disk before it starts, so a crash mid-run still shows it ran.
    if (step.command) {
      const started = this.record({
        kind: 'checklist',
        step: id,
        title: step.title,
        phase: step.phase,
        stepKind: step.kind,
        status: 'started',
        summary: firstLine(step.command.run),
      });
      if (started === false) {
        this.host.notice(`not run: the audit log cannot be written, and "${step.title}" runs a command`);
        return false;
      }
    }
    const ctrl = new AbortController();
    this.running.set(id, ctrl);
    const startedAt = this.host.now();
    const wallStart = Date.now();
    this.host.report(id, { status: 'running', startedAt });
    let outcome: StepOutcome;
    try {
      outcome = await this.execute(step, ctrl.signal, startedAt);
    } catch (e) {
      outcome = { passed: false, summary: (e as Error).message, output: String((e as Error).stack ?? e) };
    } finally {
      this.running.delete(id);
    }
    const status = outcome.passed ? 'passed' : 'failed';
    const output =
      outcome.output && outcome.output !== outcome.summary ? `${outcome.summary}\n${outcome.output}` : outcome.summary;
    this.host.report(id, { status, startedAt, finishedAt: this.host.now(), output });
    this.record({
      kind: 'checklist',
      step: id,
      title: step.title,
      phase: step.phase,
      stepKind: step.kind,
      status: outcome.cancelled ? 'cancelled' : status,
      durationMs: Date.now() - wallStart,
      outputDigest: digest(output),
      summary: firstLine(outcome.summary),
    });
    return outcome.passed;
  }

  /** `a`: the automatic steps (HTTP checks and built-ins) in order, stopping at the first failure. */
  async runAutomatic(): Promise<void> {
    for (const step of this.host.steps().filter(isAutomatic)) {
      if (step.placeholders?.length) continue;
      if (!(await this.run(step.id))) return;
    }
  }

  /** Cancels one running step (or every one), killing what it started. */
  cancel(id?: string): boolean {
    const targets = id === undefined ? [...this.running.keys()] : this.running.has(id) ? [id] : [];
    for (const t of targets) this.running.get(t)?.abort();
    return targets.length > 0;
  }

  /** Space on a manual step: a person says it is done (or takes it back). */
  tick(id: string): void {
    const step = this.step(id);
    if (!step || step.kind !== 'manual') return;
    const done = this.host.result(id)?.status === 'passed';
    const now = this.host.now();
    this.host.report(
      id,
      done ? { status: 'pending' } : { status: 'passed', startedAt: now, finishedAt: now, output: 'ticked by hand' },
    );
    this.record({
      kind: 'checklist',
      step: id,
      title: step.title,
      phase: step.phase,
      stepKind: 'manual',
      status: done ? 'unticked' : 'passed',
      summary: 'ticked by hand',
    });
  }

  stop(): void {
    this.cancel();
  }
}
