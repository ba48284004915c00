// Runs an HTTP checklist step with Node's fetch: bounded body, timeout, cancel; never throws.
import type { HttpStepSpec } from '../../domain/model.js';
import { judgeHttp, oneLine, seconds } from './expectations.js';
import type { HttpRunner, StepOutcome } from './types.js';

/** The most of a body that is read; the rest is left unread. */
export const MAX_BODY_BYTES = 256 * 1024;
/** The most of the (pretty-printed) body that goes into the output. */
const MAX_SHOWN_CHARS = 64 * 1024;
const SHOWN_HEADERS = ['content-type', 'content-length', 'location', 'retry-after'];

async function readBounded(res: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (!res.body) return { text: '', truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = limit - total;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), truncated };
}

/** The code of a fetch failure (ECONNREFUSED, ENOTFOUND, UND_ERR_…), looking through causes. */
function errorCode(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof err.code === 'string') return err.code;
    cur = err.cause ?? err.errors?.[0];
  }
  return undefined;
}

function errorMessage(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : e instanceof Error ? e.message : String(e);
}

function prettyBody(text: string): string {
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: shown as it came
  }
  return shown.length > MAX_SHOWN_CHARS
    ? `${shown.slice(0, MAX_SHOWN_CHARS)}\n[… ${shown.length - MAX_SHOWN_CHARS} more characters not shown]`
    : shown;
}

function describeResponse(spec: HttpStepSpec, res: Response, text: string, truncated: boolean): string {
  const lines = [`HTTP ${res.status} ${res.statusText}`.trimEnd()];
  if (res.redirected) lines.push(`(redirected to ${res.url})`);
  for (const h of SHOWN_HEADERS) {
    const v = res.headers.get(h);
    if (v !== null) lines.push(`${h}: ${v}`);
  }
  lines.push('', prettyBody(text));
  if (truncated) lines.push(`[body truncated: read only the first ${MAX_BODY_BYTES / 1024} KiB]`);
  return `${spec.method.toUpperCase()} ${spec.url}\n${lines.join('\n')}`;
}

export const runHttpStep: HttpRunner = async (spec, signal): Promise<StepOutcome> => {
  const cancelled: StepOutcome = { passed: false, cancelled: true, summary: 'cancelled', output: '' };
  if (signal.aborted) return cancelled;
  const timeout = AbortSignal.timeout(spec.timeoutMs);
  try {
    const res = await fetch(spec.url, {
      method: spec.method.toUpperCase(),
      headers: spec.headers,
      body: spec.body,
      signal: AbortSignal.any([signal, timeout]),
    });
    const { text, truncated } = await readBounded(res, MAX_BODY_BYTES);
    const output = describeResponse(spec, res, text, truncated);
    const needsJson = (spec.expect.json?.length ?? 0) + (spec.expect.listContains?.length ?? 0) > 0;
    const statusOnly = judgeHttp({ status: spec.expect.status }, res.status, text);
    const judged =
      truncated && needsJson && statusOnly.passed
        ? {
            passed: false,
            summary: `response is larger than ${MAX_BODY_BYTES / 1024} KiB; JSON expectations not checked`,
          }
        : judgeHttp(spec.expect, res.status, text);
    return { ...judged, output, httpStatus: res.status };
  } catch (e) {
    if (signal.aborted) return cancelled;
    if (timeout.aborted) {
      const summary = `timed out after ${seconds(spec.timeoutMs)}`;
      return { passed: false, timedOut: true, summary, output: `${spec.method.toUpperCase()} ${spec.url}\n${summary}` };
    }
    const code = errorCode(e);
    const summary = oneLine(`${code ?? errorMessage(e)} ${spec.url}`);
    return {
      passed: false,
      summary,
      output: `${spec.method.toUpperCase()} ${spec.url}\n${errorMessage(e)}${code ? ` (${code})` : ''}`,
    };
  }
};
