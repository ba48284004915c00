import { describe, expect, it } from 'vitest';
import { judgeCommand, judgeHttp } from '../../src/checklist/steps/expectations.js';

const body = JSON.stringify({
  status: 'healthy',
  ok: true,
  count: 42,
  networks: ['base', 'base-sepolia'],
  checks: { db: { state: 'up' } },
});

describe('judgeHttp', () => {
  it('passes any 2xx by default and fails anything else', () => {
    expect(judgeHttp({}, 200, '')).toEqual({ passed: true, summary: 'HTTP 200' });
    expect(judgeHttp({}, 204, '').passed).toBe(true);
    const r = judgeHttp({}, 503, 'upstream down');
    expect(r.passed).toBe(false);
    expect(r.summary).toBe('HTTP 503 (expected 2xx): upstream down');
    expect(judgeHttp({}, 301, '').summary).toBe('HTTP 301 (expected 2xx)');
  });

  it('checks an exact status when one is given', () => {
    expect(judgeHttp({ status: 401 }, 401, '').passed).toBe(true);
    expect(judgeHttp({ status: 200 }, 201, '')).toEqual({ passed: false, summary: 'HTTP 201 (expected 200)' });
  });

  it('checks JSON paths for strict equality', () => {
    const r = judgeHttp(
      {
        json: [
          { path: 'status', equals: 'healthy' },
          { path: 'checks.db.state', equals: 'up' },
          { path: 'count', equals: 42 },
        ],
      },
      200,
      body,
    );
    expect(r).toEqual({ passed: true, summary: 'HTTP 200, status = "healthy", checks.db.state = "up", count = 42' });
    const bad = judgeHttp({ json: [{ path: 'status', equals: 'degraded' }] }, 200, body);
    expect(bad).toEqual({ passed: false, summary: 'status is "healthy" (expected "degraded")' });
  });

  it('reports a string-vs-number or string-vs-boolean mismatch with both values JSON-encoded', () => {
    expect(judgeHttp({ json: [{ path: 'ok', equals: 'true' }] }, 200, body).summary).toBe(
      'ok is true (expected "true")',
    );
    expect(judgeHttp({ json: [{ path: 'count', equals: '42' }] }, 200, body).summary).toBe(
      'count is 42 (expected "42")',
    );
    expect(judgeHttp({ json: [{ path: 'nothing', equals: null }] }, 200, '{"nothing":null}').passed).toBe(true);
  });

  it('names a path that is not in the response, and a path that is not a value', () => {
    expect(judgeHttp({ json: [{ path: 'checks.cache.state', equals: 'up' }] }, 200, body).summary).toBe(
      'checks.cache.state not found in response',
    );
    expect(judgeHttp({ json: [{ path: 'checks', equals: 'up' }] }, 200, body).summary).toBe(
      'checks is {"db":{"state":"up"}} (expected "up")',
    );
    expect(judgeHttp({ json: [{ path: 'a..b', equals: 1 }] }, 200, body).summary).toBe('invalid JSON path a..b');
  });

  it('checks that a list contains every member and names the missing ones', () => {
    expect(judgeHttp({ listContains: [{ path: 'networks', members: ['base'] }] }, 200, body)).toEqual({
      passed: true,
      summary: 'HTTP 200, networks has base',
    });
    const r = judgeHttp(
      { listContains: [{ path: 'networks', members: ['base', 'base-sepolia', 'solana', 'polygon'] }] },
      200,
      body,
    );
    expect(r).toEqual({ passed: false, summary: 'networks is missing solana, polygon' });
    expect(judgeHttp({ listContains: [{ path: 'status', members: ['x'] }] }, 200, body).summary).toBe(
      'status is not a list (got "healthy")',
    );
  });

  it('lists every failure on one line', () => {
    const r = judgeHttp(
      { json: [{ path: 'status', equals: 'ok' }], listContains: [{ path: 'networks', members: ['solana'] }] },
      200,
      body,
    );
    expect(r.summary).toBe('status is "healthy" (expected "ok"); networks is missing solana');
  });

  it('fails when JSON is expected but the body is not JSON, quoting its start', () => {
    const html = `<html>${'x'.repeat(200)}</html>`;
    const r = judgeHttp({ json: [{ path: 'status', equals: 'healthy' }] }, 200, html);
    expect(r.passed).toBe(false);
    expect(r.summary).toBe(`response is not JSON: ${html.slice(0, 79)}…`);
    expect(judgeHttp({ listContains: [{ path: 'x', members: [1] }] }, 200, '').summary).toBe(
      'response is not JSON: (empty body)',
    );
  });

  it('keeps the summary on one line without control characters', () => {
    const r = judgeHttp({}, 500, 'line one\nline two \u001b[2J\u0007');
    expect(r.summary).not.toMatch(/[\n\r\u0000-\u001f]/);
    expect(r.summary).toContain('line one ⏎ line two');
  });
});

describe('judgeCommand', () => {
  it('passes exit 0 by default and says what it got otherwise', () => {
    expect(judgeCommand({}, 0, 'whatever')).toEqual({ passed: true, summary: 'exit 0' });
    expect(judgeCommand({}, 1, '')).toEqual({ passed: false, summary: 'exit 1 (expected 0)' });
    expect(judgeCommand({}, 2, 'starting\nerror: no such thing\n\n')).toEqual({
      passed: false,
      summary: 'exit 2 (expected 0): error: no such thing',
    });
    expect(judgeCommand({ exitCode: 3 }, 3, '').passed).toBe(true);
  });

  it('matches outputRegex against the combined output, ignoring colour codes', () => {
    expect(judgeCommand({ outputRegex: 'healthy' }, 0, 'status: healthy\n')).toEqual({
      passed: true,
      summary: 'exit 0, output matches /healthy/',
    });
    expect(judgeCommand({ outputRegex: '^ready$' }, 0, 'booting\nready\n').passed).toBe(true);
    expect(judgeCommand({ outputRegex: 'status: healthy' }, 0, 'status: \u001b[32mhealthy\u001b[0m').passed).toBe(true);
    expect(judgeCommand({ outputRegex: 'healthy' }, 0, 'degraded')).toEqual({
      passed: false,
      summary: 'output does not match /healthy/',
    });
    expect(judgeCommand({ outputRegex: '(' }, 0, 'x').summary).toMatch(/^invalid outputRegex \/\(\/: /);
  });

  it('checks emptyOutput with whitespace ignored', () => {
    expect(judgeCommand({ emptyOutput: true }, 0, ' \n\t\n')).toEqual({ passed: true, summary: 'exit 0, no output' });
    expect(judgeCommand({ emptyOutput: true }, 0, '\nM src/a.ts\nM src/b.ts\n?? new.txt\n')).toEqual({
      passed: false,
      summary: 'expected no output, got 3 line(s): M src/a.ts',
    });
  });

  it('"no output" passes on exit 1 with nothing printed (grep found nothing), unless an exit code was given', () => {
    expect(judgeCommand({ emptyOutput: true }, 1, '')).toEqual({
      passed: true,
      summary: 'exit 1 (nothing found), no output',
    });
    expect(judgeCommand({ emptyOutput: true }, 1, 'ERROR db timeout\n')).toMatchObject({ passed: false });
    // exit 2 is grep's own failure (a missing file), not "nothing found"
    expect(judgeCommand({ emptyOutput: true }, 2, '')).toMatchObject({ passed: false, summary: 'exit 2 (expected 0)' });
    expect(judgeCommand({ emptyOutput: true, exitCode: 0 }, 1, '')).toMatchObject({ passed: false });
    expect(judgeCommand({}, 1, '')).toMatchObject({ passed: false });
  });

  it('reports every failure together', () => {
    expect(judgeCommand({ outputRegex: 'ok' }, 1, 'bad\n').summary).toBe(
      'exit 1 (expected 0): bad; output does not match /ok/',
    );
  });
});
