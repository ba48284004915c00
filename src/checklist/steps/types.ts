import type { CommandStepSpec, HttpStepSpec } from '../../domain/model.js';

/** What running one step produced; `output` is what the on-call reads with `o`. */
export interface StepOutcome {
  passed: boolean;
  /** One line: why it passed or failed. */
  summary: string;
  /** Full captured output (bounded), for the output view and the audit digest. */
  output: string;
  exitCode?: number;
  httpStatus?: number;
  timedOut?: boolean;
  cancelled?: boolean;
}

/** Runners take an AbortSignal: aborting cancels (and for commands kills the whole process group). */
export type HttpRunner = (spec: HttpStepSpec, signal: AbortSignal) => Promise<StepOutcome>;
export type CommandRunner = (
  spec: CommandStepSpec,
  signal: AbortSignal,
  onOutput?: (chunk: string) => void,
) => Promise<StepOutcome>;
