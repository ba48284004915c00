// Multi-line and one-off log output tied to moments in a task's life, rather than to the request mix.
import { hex, int, type Rng } from './random.js';
import { type SpecialLine, streamOf } from './logGenerator.js';

const COMMITS: Record<string, string> = { 'v1.3.6': '9c41e07', 'v1.4.0': '3f9a2c1' };

const pad = (n: number) => String(n).padStart(2, '0');
function fluentStamp(t: number): string {
  const d = new Date(t);
  return `[${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}]`;
}

export function startupLines(taskId: string, version: string, t: number): SpecialLine[] {
  const web = streamOf(taskId);
  const lines: SpecialLine[] = [
    {
      stream: streamOf(taskId, 'log-router'),
      level: 'INFO',
      message: `${fluentStamp(t)} [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Created log stream ${web}`,
    },
    {
      stream: web,
      level: 'INFO',
      message: `INFO  starting web ${version} (go1.22.5, commit ${COMMITS[version] ?? 'unknown'}) listening on :8080`,
    },
    {
      stream: web,
      level: 'INFO',
      message: 'INFO  db connected to db pool host=web-db.cluster-c9xk2a7d.us-east-1.rds.amazonaws.com pool_size=20',
    },
  ];
  if (version === 'v1.4.0')
    lines.push({ stream: web, level: 'INFO', message: 'INFO  flags FEATURE_NEW_CHECKOUT=on (100% of traffic)' });
  return lines;
}

export function shutdownLines(taskId: string, rng: Rng): SpecialLine[] {
  const web = streamOf(taskId);
  return [
    { stream: web, level: 'INFO', message: 'INFO  received SIGTERM, draining connections (deadline 30s)' },
    {
      stream: web,
      level: 'INFO',
      message: `INFO  server stopped cleanly after serving ${int(rng, 20000, 90000)} requests`,
    },
  ];
}

/** A Go panic and its stack: several lines from one stream, which is why it cannot be a regular line. */
export function panicLines(taskId: string, rng: Rng): SpecialLine[] {
  const web = streamOf(taskId);
  const goroutine = int(rng, 10000, 99999);
  const frames = [
    `PANIC checkout: runtime error: invalid memory address or nil pointer dereference`,
    `[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x7a4c21]`,
    `goroutine ${goroutine} [running]:`,
    `shop/internal/checkout.(*Service).reserve(0xc000412000, {0xb2d5e8, 0xc0031a4f30}, 0xc00291c0a0)`,
    `    /src/internal/checkout/service.go:214 +0x1a1`,
    `shop/internal/checkout.(*Handler).ServeHTTP(0xc0001b6c80, {0xb31a90, 0xc0004d61c0}, 0xc002f0e900)`,
    `    /src/internal/checkout/handler.go:88 +0x2f4`,
    `net/http.serverHandler.ServeHTTP({0xc0002c8ab0?}, {0xb31a90?, 0xc0004d61c0?}, 0xc002f0e900?)`,
    `    /usr/local/go/src/net/http/server.go:3210 +0x8e`,
  ];
  return frames.map((message) => ({ stream: web, level: 'ERROR' as const, message }));
}

/**
 * The one line that breaks LogEvent's "already sanitised" promise on purpose: a client put terminal
 * escapes (clear screen, retitle window, bell) in its User-Agent and the service logged it verbatim.
 * The demo hands it over raw so the app's sanitiser, not the backend, is what keeps the screen intact.
 */
export function hostileLine(taskId: string): SpecialLine {
  return {
    stream: streamOf(taskId),
    level: 'INFO',
    message:
      'INFO  http GET /api/search?q=shoes 200 31ms ip=10.0.33.7 ua="Mozilla/5.0 \u001b[2J\u001b]0;pwned\u0007(X11; Linux x86_64)"',
  };
}

/**
 * The errors the previous release logs now and then on a quiet day: the error-signature baseline
 * before T+0 has something in it, and none of it is what the bad release breaks.
 */
export function backgroundErrorLine(taskId: string, rng: Rng): SpecialLine {
  const message =
    rng() < 0.6
      ? `ERROR recommendations upstream 503 after 2 retries, serving the page without them req=${hex(rng, 8)}`
      : `ERROR cache redis GET cart:${int(rng, 10000, 99999)}: i/o timeout after 50ms (read from db instead)`;
  return { stream: streamOf(taskId), level: 'ERROR', message };
}
