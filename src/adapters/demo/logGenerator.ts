// What the service writes to CloudWatch Logs: request lines, the odd slow query, and when the release
// goes bad, pool exhaustion, upstream timeouts and a Go panic. Each line is a pure function of the
// seed, its sequence number and the batch it belongs to, so lines can be skipped without rendering.
import type { LogEvent } from '../../domain/model.js';
import { int, pick, type Rng, rngAt } from './random.js';

export interface LogSource {
  taskId: string;
  version: string;
  badness: number;
}

export interface SpecialLine {
  stream: string;
  level: LogEvent['level'];
  message: string;
}

/** Everything one simulated second contributes to the log, before it is rendered. */
export interface LogBatch {
  t: number;
  specials: SpecialLine[];
  regular: number;
  flood: number;
  sources: LogSource[];
}

export const streamOf = (taskId: string, container = 'web'): string => `web/${container}/${taskId}`;
export const batchSize = (b: LogBatch): number => b.specials.length + b.regular + b.flood;

const PATHS = [
  'GET /api/products',
  'GET /api/products/4821',
  'GET /api/products?page=2&sort=price',
  'GET /api/cart',
  'POST /api/cart/items',
  'GET /api/search?q=running+shoes',
  'POST /api/checkout',
  'GET /api/account/orders',
  'GET /static/app.3f9a2c.js',
  'GET /api/recommendations?limit=12',
];
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  'shop-ios/5.12.0 (iPhone14,2; iOS 17.4)',
  'okhttp/4.12.0',
];
const SLOW_QUERIES = [
  'SELECT o.id, o.total FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 20',
  'SELECT p.* FROM products p JOIN stock s ON s.product_id = p.id WHERE s.warehouse = $1',
  'UPDATE carts SET updated_at = now() WHERE id = $1',
];

const reqId = (rng: Rng) =>
  Math.floor(rng() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
const ip = (rng: Rng) => `10.0.${int(rng, 1, 40)}.${int(rng, 2, 254)}`;
const latency = (rng: Rng) => Math.round(3 + rng() ** 3 * 250);

function requestLine(rng: Rng): string {
  const path = pick(rng, PATHS);
  const status = path.startsWith('POST') ? 201 : pick(rng, [200, 200, 200, 200, 200, 200, 304, 404]);
  return `INFO  http ${path} ${status} ${latency(rng)}ms ip=${ip(rng)} req=${reqId(rng)} ua="${pick(rng, AGENTS)}"`;
}

function infoLine(rng: Rng): string {
  const r = rng();
  if (r < 0.08) return `INFO  http GET /health 200 1ms ip=${ip(rng)} ua="ELB-HealthChecker/2.0"`;
  if (r < 0.1) return `INFO  cache refreshed product catalog: ${int(rng, 4000, 4200)} items in ${int(rng, 80, 300)}ms`;
  if (r < 0.11)
    return `INFO  db connected to db pool host=web-db.cluster-c9xk2a7d.us-east-1.rds.amazonaws.com pool_size=20`;
  return requestLine(rng);
}

function warnLine(rng: Rng): string {
  switch (int(rng, 0, 3)) {
    case 0:
      return `WARN  db slow query ${int(rng, 500, 1900)}ms: ${pick(rng, SLOW_QUERIES)}`;
    case 1:
      return `WARN  http ${pick(rng, PATHS)} 200 ${int(rng, 1000, 2500)}ms (slow request) req=${reqId(rng)}`;
    case 2:
      return `WARN  cache redis GET took ${int(rng, 60, 180)}ms, budget 50ms (key=cart:${int(rng, 10000, 99999)})`;
    default:
      return `WARN  payments retrying POST /v2/charges (attempt 2/3): context deadline exceeded req=${reqId(rng)}`;
  }
}

function errorLine(rng: Rng): string {
  switch (int(rng, 0, 3)) {
    case 0:
      return `ERROR db pool exhausted: timed out after 3000ms waiting for a connection (in use 20/20, waiting ${int(rng, 5, 60)})`;
    case 1:
      return `ERROR checkout upstream timeout: POST https://payments.internal/v2/charges after 5000ms req=${reqId(rng)}`;
    case 2:
      return `ERROR http POST /api/checkout 504 ${int(rng, 5000, 5010)}ms req=${reqId(rng)}`;
    default:
      return `ERROR http GET /api/cart 500 ${int(rng, 2900, 3100)}ms req=${reqId(rng)} err="pq: sorry, too many clients already"`;
  }
}

const levelOf = (message: string): LogEvent['level'] => message.slice(0, 5).trim() as LogEvent['level'];

function regularLine(rng: Rng, sources: LogSource[]): { stream: string; message: string } {
  const src = pick(rng, sources);
  const r = rng();
  const message =
    r < 0.35 * src.badness ? errorLine(rng) : r < 0.35 * src.badness + 0.04 ? warnLine(rng) : infoLine(rng);
  return { stream: streamOf(src.taskId), message };
}

/** Benchmark filler: mixed levels and lengths from a few dozen to several hundred characters. */
function floodLine(rng: Rng, sources: LogSource[]): { stream: string; message: string } {
  const src = pick(rng, sources);
  const r = rng();
  let message: string;
  if (r < 0.02) message = `ERROR worker job ${int(rng, 1000, 99999)} failed: context deadline exceeded (will retry)`;
  else if (r < 0.1) message = warnLine(rng);
  else if (r < 0.3) message = `DEBUG http headers req=${reqId(rng)} ${'x-trace-'.repeat(int(rng, 0, 40))}end`;
  else message = requestLine(rng);
  return { stream: streamOf(src.taskId), message };
}

export function renderBatch(seed: number, firstSeq: number, batch: LogBatch, skip: number): LogEvent[] {
  const total = batchSize(batch);
  const out: LogEvent[] = [];
  for (let i = skip; i < total; i++) {
    const seq = firstSeq + i;
    // Evenly spaced inside the second keeps the batch oldest-first without sorting.
    const timestamp = batch.t - 1000 + Math.floor(((i + 1) * 1000) / (total + 1));
    let line: { stream: string; message: string; level?: LogEvent['level'] };
    if (i < batch.specials.length) line = batch.specials[i]!;
    else if (batch.sources.length === 0)
      line = { stream: 'web/log-router/fluent-bit', message: 'INFO  no upstream tasks' };
    else {
      const rng = rngAt(seed, 0x1065, seq);
      line =
        i < batch.specials.length + batch.regular ? regularLine(rng, batch.sources) : floodLine(rng, batch.sources);
    }
    out.push({
      id: String(seq),
      timestamp,
      stream: line.stream,
      message: line.message,
      level: line.level ?? levelOf(line.message),
    });
  }
  return out;
}
