import { describe, expect, it } from 'vitest';
import { levelOf } from '../../src/adapters/aws/logLevel.js';

describe('levelOf', () => {
  it.each([
    ['2024-05-01T10:00:00Z ERROR payment failed', 'ERROR'],
    ['PANIC: out of memory', 'ERROR'],
    ['[FATAL] cannot bind :8080', 'ERROR'],
    ['panic: runtime error: index out of range', 'ERROR'],
    ['WARN slow query 1200ms', 'WARN'],
    ['WARNING disk 91%', 'WARN'],
    ['DEBUG cache miss key=a', 'DEBUG'],
    ['GET /health 200 3ms', 'INFO'],
    ['request finished, 0 errors', 'INFO'],
    ['INFO upstream answered ERROR 502', 'INFO'],
    ['time=1 level=warn msg="retrying"', 'WARN'],
    ['ts=1 level=error msg=x', 'ERROR'],
  ] as const)('%s → %s', (message, level) => {
    expect(levelOf(message)).toBe(level);
  });

  it('reads the level field of JSON lines, by name or pino number', () => {
    expect(levelOf('{"level":"error","msg":"boom"}')).toBe('ERROR');
    expect(levelOf('{"level":"warning","msg":"x"}')).toBe('WARN');
    expect(levelOf('{"level":"debug","msg":"ERROR is only text here"}')).toBe('DEBUG');
    expect(levelOf('{"level":50,"msg":"x"}')).toBe('ERROR');
    expect(levelOf('{"level":60,"msg":"x"}')).toBe('ERROR');
    expect(levelOf('{"level":40,"msg":"x"}')).toBe('WARN');
    expect(levelOf('{"level":30,"msg":"x"}')).toBe('INFO');
    expect(levelOf('{"level":20,"msg":"x"}')).toBe('DEBUG');
    expect(levelOf('{"severity":"CRITICAL"}')).toBe('ERROR');
  });

  it('falls back to the text for JSON without a level, and for broken JSON', () => {
    expect(levelOf('{"msg":"ERROR connecting"}')).toBe('ERROR');
    expect(levelOf('{"level":"error", broken')).toBe('INFO');
    expect(levelOf('{"level":"bogus","msg":"fine"}')).toBe('INFO');
  });
});
