// The level of a CloudWatch log line. CloudWatch stores only text, so the level is read from the
// line the way the on-call would: a `level` field of a JSON line (structured loggers), a
// `level=...` pair (logfmt), else the FIRST level word in the text, because formats put the level
// before the message ("INFO upstream answered ERROR 502" is an INFO line; the errors-only view and
// the checklist still match ERROR anywhere, see logQuery.ts).
import type { LogEvent } from '../../domain/model.js';

type Level = LogEvent['level'];

const BY_NAME: Record<string, Level> = {
  ERROR: 'ERROR',
  ERR: 'ERROR',
  PANIC: 'ERROR',
  FATAL: 'ERROR',
  CRITICAL: 'ERROR',
  CRIT: 'ERROR',
  ALERT: 'ERROR',
  EMERG: 'ERROR',
  EMERGENCY: 'ERROR',
  WARN: 'WARN',
  WARNING: 'WARN',
  INFO: 'INFO',
  NOTICE: 'INFO',
  DEBUG: 'DEBUG',
  TRACE: 'DEBUG',
};

// Upper case only: lower-case "error" is common in ordinary INFO lines ("0 errors", "error_rate=0").
const WORD = /\b(ERROR|PANIC|FATAL|CRITICAL|WARN(?:ING)?|INFO|DEBUG|TRACE)\b/;
/** Go runtime panics are lower case and start the line. */
const GO_PANIC = /^(?:panic|fatal error): /;
const LOGFMT = /(?:^|\s)(?:level|lvl|severity)=["']?([A-Za-z]+)/;
/** JSON.parse of a huge line on every poll is not worth it; such lines fall back to the text scan. */
const MAX_JSON = 16_384;

/** pino/bunyan numeric levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
function fromNumber(n: number): Level {
  if (n >= 50) return 'ERROR';
  if (n >= 40) return 'WARN';
  return n >= 30 ? 'INFO' : 'DEBUG';
}

function fromField(value: unknown): Level | undefined {
  if (typeof value === 'number') return fromNumber(value);
  return typeof value === 'string' ? (BY_NAME[value.toUpperCase()] ?? undefined) : undefined;
}

function fromJson(message: string): Level | undefined {
  const text = message.trim();
  if (!text.startsWith('{') || text.length > MAX_JSON) return undefined;
  try {
    const obj: unknown = JSON.parse(text);
    if (typeof obj !== 'object' || obj === null) return undefined;
    const o = obj as Record<string, unknown>;
    return fromField(o.level) ?? fromField(o.severity) ?? fromField(o.levelname);
  } catch {
    return undefined;
  }
}

export function levelOf(message: string): Level {
  const structured = fromJson(message) ?? fromField(LOGFMT.exec(message)?.[1]);
  if (structured) return structured;
  if (GO_PANIC.test(message)) return 'ERROR';
  const word = WORD.exec(message)?.[1];
  return (word ? BY_NAME[word] : undefined) ?? 'INFO';
}
