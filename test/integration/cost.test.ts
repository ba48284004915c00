// CostReader and getIdentity against moto over real HTTP. moto answers GetCostAndUsage from a
// seeded queue: each new distinct request body takes the next result (a repeated body gets the same
// one again), so the seeds below are the answers to the requests CostReader sends, in order, for
// the dates its `now` gives. GetCostForecast is not implemented by moto (500).
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { STSClient } from '@aws-sdk/client-sts';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CostReader } from '../../src/adapters/aws/cost.js';
import { AwsBackend, createAwsBackend } from '../../src/adapters/aws/index.js';
import { createClients } from '../../src/adapters/aws/clients.js';
import { getIdentity } from '../../src/adapters/aws/identity.js';
import { ACCOUNT, startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

const credentials = {
  accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
  secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
};
const signal = new AbortController().signal;
const MAR_20 = Date.UTC(2025, 2, 20, 9, 0);
const HOUR = 3_600_000;

let moto: Moto;
let dir: string;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(() => moto?.stop());
beforeEach(async () => {
  await moto.reset();
  dir = await mkdtemp(join(tmpdir(), 'shipwatch-cost-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A CE client whose sends are counted per operation (once per send, retries not included). */
function countingClient() {
  const calls: Record<string, number> = {};
  const ce = new CostExplorerClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials });
  ce.middlewareStack.add(
    (next, context) => (args) => {
      const name = context.commandName ?? '?';
      calls[name] = (calls[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize' },
  );
  return { ce, calls };
}

const reader = (ce: CostExplorerClient, now: number, cacheDir = dir) =>
  new CostReader(ce, { cacheDir, cacheKey: `${ACCOUNT}/default`, now: () => now, expectedDaily: { min: 1.5, max: 2 } });

/** Days from `from` through `to` (UTC), each with ECS 1.00, CloudWatch 0.25 and S3 0.06 per day-of-month. */
function usagePage(from: string, to: string, NextPageToken?: string) {
  const ResultsByTime = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 24 * HOUR) {
    const Start = new Date(t).toISOString().slice(0, 10);
    const End = new Date(t + 24 * HOUR).toISOString().slice(0, 10);
    const dom = new Date(t).getUTCDate();
    const group = (svc: string, amount: number) => ({
      Keys: [svc],
      Metrics: { UnblendedCost: { Amount: amount.toFixed(4), Unit: 'USD' } },
    });
    ResultsByTime.push({
      TimePeriod: { Start, End },
      Total: {},
      Groups: [
        group('Amazon Elastic Container Service', 1),
        group('AmazonCloudWatch', 0.25),
        group('Amazon Simple Storage Service', 0.06 * dom),
      ],
      Estimated: true,
    });
  }
  return { ResultsByTime, DimensionValueAttributes: [], ...(NextPageToken ? { NextPageToken } : {}) };
}

async function seed(...results: unknown[]) {
  const res = await moto.post('/moto-api/static/ce/cost-and-usage-results', { account_id: ACCOUNT, results });
  expect(res.status).toBe(201);
}

/** The sum of usagePage's amounts over the given days of the month. */
const sumDays = (doms: number[]) => doms.reduce((a, d) => a + 1.25 + 0.06 * d, 0);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('CostReader against moto', () => {
  it('maps 7 days by service, month to date from the 1st, all pages; no forecast on 500', async () => {
    // 20 March: the window (14–20) misses the 1st, so the one request starts on 1 March; two pages.
    await seed(usagePage('2025-03-01', '2025-03-10', 'page-2'), usagePage('2025-03-11', '2025-03-20'));
    const { ce, calls } = countingClient();
    const s = await reader(ce, MAR_20).get(signal);

    expect(s.days.map((d) => d.date)).toEqual(range(14, 20).map((d) => `2025-03-${d}`));
    expect(s.days[6]!.byService.map((b) => b.service)).toEqual([
      'Amazon Simple Storage Service', // 1.20 on the 20th
      'Amazon Elastic Container Service',
      'AmazonCloudWatch',
    ]);
    expect(s.days[0]!.byService.map((b) => b.amount)).toEqual([1, 0.84, 0.25]);
    expect(s.days[0]!.total).toBeCloseTo(2.09, 10);
    expect(s.monthToDate).toBeCloseTo(sumDays(range(1, 20)), 10);
    expect(s.currency).toBe('USD');
    expect(s.forecastMonth).toBeUndefined();
    expect(s.expectedDaily).toEqual({ min: 1.5, max: 2 });
    expect(calls).toEqual({ GetCostAndUsageCommand: 2, GetCostForecastCommand: 1 });
  });

  it('counts only this month when the 7 days reach into the last one', async () => {
    await seed(usagePage('2025-02-26', '2025-03-04'));
    const s = await reader(countingClient().ce, Date.UTC(2025, 2, 4, 12)).get(signal);
    expect(s.days.map((d) => d.date)).toEqual([
      '2025-02-26',
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
      '2025-03-04',
    ]);
    expect(s.monthToDate).toBeCloseTo(sumDays(range(1, 4)), 10);
  });
});

describe('CostReader cache', () => {
  beforeEach(() => seed(usagePage('2025-03-01', '2025-03-20')));

  it('a second reader on the same cache dir does not ask AWS', async () => {
    const first = await reader(countingClient().ce, MAR_20).get(signal);
    const { ce, calls } = countingClient();
    expect(await reader(ce, MAR_20 + HOUR / 2).get(signal)).toEqual(first);
    expect(calls).toEqual({});
  });

  it('refetches cost and usage once the cache is 6 h old, not before', async () => {
    await reader(countingClient().ce, MAR_20).get(signal);
    const early = countingClient();
    await reader(early.ce, MAR_20 + 6 * HOUR - 1).get(signal);
    expect(early.calls).toEqual({});
    const { ce, calls } = countingClient();
    await reader(ce, MAR_20 + 6 * HOUR).get(signal);
    expect(calls.GetCostAndUsageCommand).toBe(1);
  });

  it('ignores a corrupt cache file', async () => {
    await reader(countingClient().ce, MAR_20).get(signal);
    const files = await readdir(dir);
    expect(files).toEqual(['cost-123456789012_default.json']); // no temp file left behind
    await writeFile(join(dir, files[0]!), '{"format":1,"key":');
    const { ce, calls } = countingClient();
    expect((await reader(ce, MAR_20).get(signal)).monthToDate).toBeCloseTo(sumDays(range(1, 20)), 10);
    expect(calls.GetCostAndUsageCommand).toBe(1);
  });

  it('keeps working from memory when the cache dir cannot be written', async () => {
    const blocker = join(dir, 'not-a-dir');
    await writeFile(blocker, '');
    const { ce, calls } = countingClient();
    // A file where the directory should be: mkdir fails even for root, unlike a chmod'ed directory.
    const unwritable = reader(ce, MAR_20, join(blocker, 'shipwatch'));
    const a = await unwritable.get(signal);
    expect(await unwritable.get(signal)).toEqual(a);
    expect(calls.GetCostAndUsageCommand).toBe(1);
  });
});

describe('getIdentity against moto', () => {
  it('returns the account and ARN with the given region', async () => {
    const sts = new STSClient({ endpoint: moto.endpoint, region: 'eu-west-1', credentials });
    const id = await getIdentity(sts, 'eu-west-1', signal);
    expect(id).toEqual({ account: ACCOUNT, arn: expect.stringContaining(`:${ACCOUNT}:`), region: 'eu-west-1' });
  });
});

const backendOptions = () => ({
  cluster: 'c',
  service: 's',
  region: 'us-east-1',
  endpointUrl: moto.endpoint,
  alarms: {},
  metrics: [],
  liveTail: false,
  watchWindowMs: 2 * HOUR,
  cacheDir: dir,
});

describe('the AWS backend', () => {
  it('keys the cost cache by the account STS names, so two accounts behind one profile never share it', async () => {
    Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
    const backend = await createAwsBackend(backendOptions());
    try {
      await backend.getCost(signal);
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(new RegExp(`^cost-${ACCOUNT}-default_http___127\\.0\\.0\\.1_\\d+\\.json$`));
    } finally {
      backend.close();
    }
  });

  it('asks STS once: the identity source and the cost cache key share the answer', async () => {
    const clients = createClients({ region: 'us-east-1', endpoint: moto.endpoint });
    let stsCalls = 0;
    clients.sts.middlewareStack.add(
      (next) => (args) => {
        stsCalls++;
        return next(args);
      },
      { step: 'initialize' },
    );
    const backend = new AwsBackend(clients, backendOptions());
    try {
      const id = await backend.getIdentity(signal);
      await backend.getCost(signal);
      expect(await backend.getIdentity(signal)).toEqual(id);
      expect(stsCalls).toBe(1);
    } finally {
      backend.close();
    }
  });
});
