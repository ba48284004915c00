// An HTTP proxy in front of moto that injects faults per AWS operation: point the SDK's endpoint
// (or AWS_ENDPOINT_URL) at `proxy.url`. It names each request `service:Operation` (e.g.
// `ecs:DescribeServices`, `cloudwatch:DescribeAlarms`, `sts:GetCallerIdentity`, `logs:FilterLogEvents`,
// `ce:GetCostAndUsage`, `elb:DescribeTargetHealth`), from the SigV4 credential scope plus the
// X-Amz-Target header (JSON protocols), the Smithy RPCv2 path, or the `Action=` form field (query
// protocol), and records every request it sees, faulted or not.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type FaultAction =
  | { kind: 'throttle' } // 400 ThrottlingException in the right protocol shape
  | { kind: 'hang' } // never answer (until closed)
  | { kind: 'reset' } // destroy the socket before answering
  | { kind: 'drop-response' } // forward to moto (it takes effect), then destroy the socket: the answer is lost
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> } // e.g. 403 AccessDenied
  | { kind: 'down' }; // refuse: close immediately (an outage)

/**
 * `api` matches the operation name (`'UpdateService'`) or the full `service:Operation` name
 * (`'ecs:UpdateService'`); a RegExp is tested against the full name (`/^ecs:/`). No `api`: every request.
 * `times`: apply N times, then let requests through. The first fault that matches and has uses left wins.
 */
export interface Fault {
  api?: string | RegExp;
  action: FaultAction;
  times?: number;
}

export interface ProxiedRequest {
  at: number;
  /** `service:Operation`, e.g. `ecs:DescribeServices`; `unknown:unknown` when it cannot be told. */
  api: string;
  service: string;
  operation: string;
  /** The fault applied to it, if any. */
  fault?: FaultAction['kind'];
}

export interface FaultProxy {
  url: string;
  setFaults(f: Fault[]): void;
  clear(): void;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/** SigV4 signing names → the short names used in `api`. */
const SERVICE_NAMES: Record<string, string> = { monitoring: 'cloudwatch', elasticloadbalancing: 'elb' };
/** JSON target prefixes, for a request whose Authorization header is missing. */
const TARGET_SERVICES: Record<string, string> = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  Logs_20140328: 'logs',
  AWSInsightsIndexService: 'ce',
  GraniteServiceVersion20100801: 'cloudwatch',
  AWSSecurityTokenServiceV20110615: 'sts',
  ElasticLoadBalancing_v10: 'elb',
};

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function identify(req: IncomingMessage, body: string): { service: string; operation: string } {
  const target = header(req, 'x-amz-target');
  const rpc = /\/service\/([^/]+)\/operation\/([^/?]+)/.exec(req.url ?? '');
  const [prefix, op] = target ? target.split('.') : rpc ? [rpc[1], rpc[2]] : [undefined, undefined];
  const action = op ?? new URLSearchParams(body).get('Action') ?? undefined;
  const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(header(req, 'authorization'))?.[1];
  const service = scope ? (SERVICE_NAMES[scope] ?? scope) : prefix ? TARGET_SERVICES[prefix] : undefined;
  return { service: service ?? 'unknown', operation: action ?? 'unknown' };
}

function matches(f: Fault, r: ProxiedRequest): boolean {
  if (f.times !== undefined && f.times <= 0) return false;
  if (f.api === undefined) return true;
  if (typeof f.api === 'string') return f.api === r.operation || f.api === r.api;
  return f.api.test(r.api);
}

/** A throttling error as the service's protocol shapes it, so the SDK classifies it as throttling. */
function sendThrottle(req: IncomingMessage, res: ServerResponse): void {
  const message = 'Rate exceeded';
  if (header(req, 'x-amz-target') || header(req, 'content-type').includes('json')) {
    res.writeHead(400, {
      'content-type': header(req, 'content-type') || 'application/x-amz-json-1.1',
      'x-amzn-errortype': 'ThrottlingException',
      // CloudWatch's JSON protocol is query-compatible: the SDK takes the error code from this header.
      'x-amzn-query-error': 'Throttling;Sender',
    });
    res.end(JSON.stringify({ __type: 'ThrottlingException', message }));
    return;
  }
  res.writeHead(400, { 'content-type': 'text/xml' });
  res.end(
    '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>' +
      `<Message>${message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>`,
  );
}

function destroy(socket: Socket): void {
  // An RST where the platform allows it, as a crashed peer or a middlebox gives.
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

export function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  let faults: Fault[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    onResponse: (status: number, headers: object, data: Buffer) => void,
  ) => {
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => onResponse(upRes.statusCode ?? 502, upRes.headers, Buffer.concat(chunks)));
      },
    );
    up.on('error', () => destroy(req.socket));
    up.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const { service, operation } = identify(req, body.toString('utf8'));
    const record: ProxiedRequest = { at: Date.now(), api: `${service}:${operation}`, service, operation };
    requests.push(record);
    const fault = faults.find((f) => matches(f, record));
    if (fault && fault.times !== undefined) fault.times -= 1;
    const action = fault?.action;
    record.fault = action?.kind;
    switch (action?.kind) {
      case 'throttle':
        return sendThrottle(req, res);
      case 'hang':
        return; // the socket stays open until close() destroys it
      case 'reset':
        return destroy(req.socket);
      case 'down':
        // A plain close with nothing said, as a host whose service is gone.
        return req.socket.destroy();
      case 'status':
        res.writeHead(action.status, { 'content-type': 'application/x-amz-json-1.1', ...action.headers });
        res.end(action.body ?? '');
        return;
      case 'drop-response':
        return forward(req, body, () => destroy(req.socket));
      default:
        return forward(req, body, (status, headers, data) => {
          res.writeHead(status, headers as Record<string, string>);
          res.end(data);
        });
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      if (!addr || typeof addr === 'string') return reject(new Error('fault proxy: no port'));
      resolve({
        url: `http://127.0.0.1:${addr.port}`,
        requests,
        setFaults(f) {
          // Copies, so `times` counts down here and the caller's array can be reused.
          faults = f.map((x) => ({ ...x }));
        },
        clear() {
          faults = [];
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
