// Cost Explorer requests over real HTTP, through the client shipwatch builds (createClients): a
// failed call is sent once, never retried by the SDK, whether AWS answers throttling or a 500, and
// a restart within the cache's life sends nothing. A local HTTP server stands in for Cost Explorer
// (moto cannot be told to fail GetCostAndUsage) and counts every request that reaches it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClients, destroyClients, type AwsClients } from '../../src/adapters/aws/clients.js';
import { CostReader } from '../../src/adapters/aws/cost.js';
import { TEST_CREDENTIALS } from '../helpers/moto.js';

const signal = new AbortController().signal;
const NOW = Date.UTC(2025, 2, 20, 9, 0);
let server: Server;
let endpoint: string;
/** X-Amz-Target of every request received. */
let received: string[];
let answer: (target: string) => { status: number; body: unknown };
let dir: string;
let clients: AwsClients;

beforeAll(async () => {
  Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '').replace(/^AWSInsightsIndexService\./, '');
      received.push(target);
      const { status, body } = answer(target);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(async () => {
  received = [];
  dir = await mkdtemp(join(tmpdir(), 'shipwatch-ce-'));
  clients = createClients({ region: 'eu-west-1', endpoint });
});
afterEach(async () => {
  destroyClients(clients);
  await rm(dir, { recursive: true, force: true });
});

const reader = (now: number) =>
  new CostReader(clients.costExplorer, { cacheDir: dir, cacheKey: '123456789012-default', now: () => now });

const ok = (target: string) =>
  target === 'GetCostAndUsage'
    ? { status: 200, body: { ResultsByTime: [] } }
    : { status: 200, body: { Total: { Amount: '31.5', Unit: 'USD' } } };

describe('Cost Explorer requests through the real client', () => {
  it.each([
    ['throttling', { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } }],
    ['a 500', { status: 500, body: { __type: 'InternalServerException', message: 'boom' } }],
  ])('a call answered with %s is sent once and shown as a failure', async (_name, failure) => {
    answer = () => failure;
    await expect(reader(NOW).get(signal)).rejects.toThrow();
    expect(received).toEqual(['GetCostAndUsage']);
  });

  it('a failed forecast is sent once, the usage is shown without it', async () => {
    answer = (t) =>
      t === 'GetCostForecast' ? { status: 500, body: { __type: 'InternalServerException', message: 'x' } } : ok(t);
    const s = await reader(NOW).get(signal);
    expect(s.forecastMonth).toBeUndefined();
    expect(received).toEqual(['GetCostAndUsage', 'GetCostForecast']);
  });

  it('2 requests for a first read; none for reads and restarts within the cache life', async () => {
    answer = ok;
    expect((await reader(NOW).get(signal)).forecastMonth).toBe(31.5);
    expect(received).toEqual(['GetCostAndUsage', 'GetCostForecast']);
    const r = reader(NOW + 60_000);
    await r.get(signal);
    await r.get(signal);
    for (const later of [NOW + 3_600_000, NOW + 2 * 3_600_000, NOW + 6 * 3_600_000 - 1])
      await reader(later).get(signal); // a restart: a new reader, the same cache dir
    expect(received).toHaveLength(2);
  });
});
