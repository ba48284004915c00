// runHttpStep against a real node:http server on 127.0.0.1.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpStepSpec } from '../../src/domain/model.js';
import { MAX_BODY_BYTES, runHttpStep } from '../../src/checklist/steps/http.js';

let server: Server;
let base: string;
const never = new AbortController().signal;

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/health') return json(res, 200, { status: 'healthy', checks: { db: { state: 'up' } }, ok: true });
    if (url === '/supported')
      return json(res, 200, {
        kinds: [{ network: 'base' }, { network: 'base-sepolia' }],
        networks: ['base', 'base-sepolia'],
      });
    if (url === '/500') return json(res, 500, { error: 'boom' });
    if (url === '/slow') return; // never answers
    if (url === '/text') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('plain old text, not json');
    }
    if (url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES * 2) }));
    }
    if (url === '/echo') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => json(res, 201, { method: req.method, token: req.headers['x-token'] ?? null, body }));
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const spec = (path: string, expect: HttpStepSpec['expect'] = {}, extra: Partial<HttpStepSpec> = {}): HttpStepSpec => ({
  method: 'GET',
  url: `${base}${path}`,
  timeoutMs: 5000,
  expect,
  ...extra,
});

describe('runHttpStep', () => {
  it('passes a 2xx by default and shows the status line, content type and pretty JSON body', async () => {
    const o = await runHttpStep(spec('/health'), never);
    expect(o).toMatchObject({ passed: true, summary: 'HTTP 200', httpStatus: 200 });
    expect(o.output).toContain('HTTP 200 OK');
    expect(o.output).toContain('content-type: application/json');
    expect(o.output).toContain('"status": "healthy"');
  });

  it('fails a 500 by default and passes it when that status is expected', async () => {
    const o = await runHttpStep(spec('/500'), never);
    expect(o).toMatchObject({ passed: false, httpStatus: 500 });
    expect(o.summary).toBe('HTTP 500 (expected 2xx): {"error":"boom"}');
    expect(o.output).toContain('HTTP 500 Internal Server Error');
    expect((await runHttpStep(spec('/500', { status: 500 }), never)).passed).toBe(true);
    expect((await runHttpStep(spec('/health', { status: 204 }), never)).summary).toMatch(
      /^HTTP 200 \(expected 204\): \{"status":"healthy"/,
    );
  });

  it('checks JSON paths: equal passes, mismatch names both values', async () => {
    const ok = await runHttpStep(
      spec('/health', {
        json: [
          { path: 'status', equals: 'healthy' },
          { path: 'checks.db.state', equals: 'up' },
        ],
      }),
      never,
    );
    expect(ok.passed).toBe(true);
    const bad = await runHttpStep(
      spec('/health', {
        json: [
          { path: '$.status', equals: 'degraded' },
          { path: 'ok', equals: 'true' },
        ],
      }),
      never,
    );
    expect(bad.passed).toBe(false);
    expect(bad.summary).toBe('$.status is "healthy" (expected "degraded"); ok is true (expected "true")');
  });

  it('checks listContains and names the missing members', async () => {
    const ok = await runHttpStep(
      spec('/supported', { listContains: [{ path: 'networks', members: ['base', 'base-sepolia'] }] }),
      never,
    );
    expect(ok.passed).toBe(true);
    const bad = await runHttpStep(
      spec('/supported', { listContains: [{ path: 'kinds[*].network', members: ['base', 'base-sepolia', 'solana'] }] }),
      never,
    );
    expect(bad).toMatchObject({ passed: false, summary: 'kinds[*].network is missing solana' });
  });

  it('fails JSON expectations on a non-JSON body, quoting it', async () => {
    const o = await runHttpStep(spec('/text', { json: [{ path: 'status', equals: 'healthy' }] }), never);
    expect(o).toMatchObject({
      passed: false,
      httpStatus: 200,
      summary: 'response is not JSON: plain old text, not json',
    });
    expect(o.output).toContain('content-type: text/plain');
  });

  it('sends method, headers and body', async () => {
    const o = await runHttpStep(
      spec(
        '/echo',
        {
          status: 201,
          json: [
            { path: 'method', equals: 'POST' },
            { path: 'token', equals: 's3cret' },
            { path: 'body', equals: 'hello' },
          ],
        },
        {
          method: 'post',
          headers: { 'x-token': 's3cret' },
          body: 'hello',
        },
      ),
      never,
    );
    expect(o.summary).toBe('HTTP 201, method = "POST", token = "s3cret", body = "hello"');
    expect(o.passed).toBe(true);
  });

  it('reads at most 256 KiB of a body and says so', async () => {
    const o = await runHttpStep(spec('/big'), never);
    expect(o.passed).toBe(true);
    expect(o.output).toContain('[body truncated: read only the first 256 KiB]');
    expect(o.output.length).toBeLessThan(MAX_BODY_BYTES);
    const withJson = await runHttpStep(spec('/big', { json: [{ path: 'pad', equals: 'x' }] }), never);
    expect(withJson).toMatchObject({
      passed: false,
      summary: 'response is larger than 256 KiB; JSON expectations not checked',
    });
  });

  it('times out a server that never answers', async () => {
    const o = await runHttpStep(spec('/slow', {}, { timeoutMs: 300 }), never);
    expect(o).toMatchObject({ passed: false, timedOut: true, summary: 'timed out after 0.3 s' });
    expect(o.cancelled).toBeUndefined();
  });

  it('is cancelled by the caller’s signal', async () => {
    const ctrl = new AbortController();
    const running = runHttpStep(spec('/slow', {}, { timeoutMs: 10_000 }), ctrl.signal);
    setTimeout(() => ctrl.abort(), 100);
    const o = await running;
    expect(o).toMatchObject({ passed: false, cancelled: true, summary: 'cancelled' });
    expect(o.timedOut).toBeUndefined();
    const pre = new AbortController();
    pre.abort();
    expect(await runHttpStep(spec('/health'), pre.signal)).toMatchObject({ cancelled: true });
  });

  it('reports a refused connection with its code and URL, without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const url = `http://127.0.0.1:${port}/health`;
    const o = await runHttpStep({ method: 'GET', url, timeoutMs: 5000, expect: {} }, never);
    expect(o).toMatchObject({ passed: false, summary: `ECONNREFUSED ${url}` });
    expect(o.timedOut).toBeUndefined();
  });

  it('reports an unusable URL without throwing', async () => {
    const o = await runHttpStep({ method: 'GET', url: 'not a url', timeoutMs: 5000, expect: {} }, never);
    expect(o.passed).toBe(false);
    expect(o.summary).toBe('ERR_INVALID_URL not a url');
  });
});
