// A counting HTTP proxy between the CLI and moto: forwards every request unchanged and records
// which API it called (X-Amz-Target for the JSON protocols, Action= for the query protocol, the
// /service/X/operation/Y path for rpc-v2-cbor), and for GetMetricData how many metrics it asked for.
import { createServer, request } from 'node:http';

/** The service, from the SigV4 credential scope: Credential=KEY/DATE/REGION/SERVICE/aws4_request. */
const serviceOf = (auth = '') => /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ?? '?';

export function apiOf(method, url, headers, body) {
  const target = headers['x-amz-target'];
  if (target) return { service: serviceOf(headers.authorization), op: String(target).split('.').pop() };
  const cbor = /\/service\/[^/]+\/operation\/([^/?]+)/.exec(url);
  if (cbor) return { service: serviceOf(headers.authorization), op: cbor[1] };
  const form = new URLSearchParams(method === 'GET' ? (url.split('?')[1] ?? '') : body.toString('utf8'));
  return { service: serviceOf(headers.authorization), op: form.get('Action') ?? `${method} ${url.split('?')[0]}` };
}

/** Metrics requested by one GetMetricData body (JSON: MetricDataQueries; query: .member.N.Id). */
export function metricsRequested(headers, body) {
  const text = body.toString('utf8');
  if (String(headers['content-type'] ?? '').includes('json')) {
    try {
      return JSON.parse(text).MetricDataQueries?.length ?? 0;
    } catch {
      return 0;
    }
  }
  return new Set(text.match(/MetricDataQueries\.member\.\d+\.Id/g) ?? []).size;
}

/** Starts the proxy on a free loopback port. `requests` holds { at, service, op, metrics, status }. */
export function startCountingProxy(upstream) {
  const up = new URL(upstream);
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const api = apiOf(req.method, req.url, req.headers, body);
      const rec = { at: Date.now(), ...api, metrics: 0, status: 0 };
      if (api.op === 'GetMetricData') rec.metrics = metricsRequested(req.headers, body);
      requests.push(rec);
      const fwd = request(
        { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers },
        (r) => {
          rec.status = r.statusCode;
          res.writeHead(r.statusCode, r.headers);
          r.pipe(res);
        },
      );
      fwd.on('error', (e) => {
        rec.status = 502;
        res.writeHead(502).end(String(e));
      });
      fwd.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        endpoint: `http://127.0.0.1:${server.address().port}`,
        requests,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}
