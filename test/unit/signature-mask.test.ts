import { describe, expect, it } from 'vitest';
import { maskMessage } from '../../src/domain/health/signatures/mask.js';

describe('maskMessage', () => {
  it.each([
    ['a UUID', 'order 4f1c2d3e-aa0b-4bcd-9cde-0123456789ab not found', 'order <uuid> not found'],
    ['hex ids, 0x and bare', 'task 0a1b2c3d4e5f67890a1b2c3d4e5f6789 at 0x7ffd12 died', 'task <hex> at <hex> died'],
    [
      'IPv4 with a port',
      'dial tcp 10.0.3.7:5432: connect: connection refused',
      'dial tcp <ip>: connect: connection refused',
    ],
    [
      'IPv6, bracketed with a port and bare',
      'peer [2001:db8::1]:8080 and fe80::1%eth0 left',
      'peer <ip> and <ip> left',
    ],
    [
      'numbers: ints, floats, percent, sizes',
      'used 512MB of 1.5GB (30%), 3 of 20 slots',
      'used <num> of <num> (<num>), <num> of <num> slots',
    ],
    [
      'durations, Go style too',
      'retry in 250ms, then 1.5s, gave up after 1m30s',
      'retry in <dur>, then <dur>, gave up after <dur>',
    ],
    [
      'timestamps inside the text',
      'lease expired at 2024-05-01T12:00:00.123Z (renewed 12:00:01)',
      'lease expired at <ts> (renewed <ts>)',
    ],
    [
      'quoted values, both quotes',
      `unknown column "user_idx" in table 'orders'`,
      'unknown column <str> in table <str>',
    ],
    [
      'key=value values, typed when they have a type',
      'retry attempt=3 host=db.internal ip=10.0.0.1 req=deadbeef trace=12345678',
      'retry attempt=<num> host=<str> ip=<ip> req=<hex> trace=<hex>',
    ],
    ['emails', 'no account for alice.smith+shop@example.co.uk', 'no account for <email>'],
    [
      'a URL keeps its path, not its query',
      'GET https://api.example.com/v2/orders/4821?page=2&sort=asc failed',
      'GET https://api.example.com/v2/orders/<num>?<query> failed',
    ],
  ])('masks %s', (_what, line, template) => {
    expect(maskMessage(line)).toBe(template);
  });

  it('leaves the words that name the error alone: versions, codes, apostrophes, C++ scopes', () => {
    const line = "can't load v1.4.0 config (SQLSTATE 42P01): std::vector 5xx";
    expect(maskMessage(line)).toBe(line);
  });

  it.each([
    ['an ISO time and a level', '2024-05-01T12:00:00.123Z ERROR db pool exhausted'],
    ['a bracketed time and level', '[2024-05-01 12:00:00,123] [error] db pool exhausted'],
    ['a level alone, as the demo writes it', 'ERROR db pool exhausted'],
    ["Go's log time", '2024/05/01 12:00:00 ERROR: db pool exhausted'],
    ['logfmt time and level', 'time="2024-05-01T12:00:00Z" level=error db pool exhausted'],
  ])('strips a leading prefix: %s', (_what, line) => {
    expect(maskMessage(line)).toBe('db pool exhausted');
  });

  it('reduces realistic error lines to their templates', () => {
    expect(maskMessage('pq: sorry, too many clients already')).toBe('pq: sorry, too many clients already');
    expect(
      maskMessage(
        'ERROR db pool exhausted: timed out after 3000ms waiting for a connection (in use 20/20, waiting 17)',
      ),
    ).toBe('db pool exhausted: timed out after <dur> waiting for a connection (in use <num>/<num>, waiting <num>)');
    // The err= value is the error itself: kept, and masked inside, while the request id goes.
    expect(
      maskMessage('ERROR http GET /api/cart 500 3012ms req=0a1b2c3d err="pq: sorry, too many clients already"'),
    ).toBe('http GET /api/cart <num> <dur> req=<hex> err="pq: sorry, too many clients already"');
  });

  it('reduces a Go panic and its trace', () => {
    expect(maskMessage('panic: runtime error: index out of range [5] with length 3')).toBe(
      'panic: runtime error: index out of range [<num>] with length <num>',
    );
    expect(maskMessage('[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a5b6c]')).toBe(
      '[signal SIGSEGV: segmentation violation code=<hex> addr=<hex> pc=<hex>]',
    );
    expect(maskMessage('goroutine 42 [running]:')).toBe('goroutine <num> [running]:');
    expect(maskMessage('main.handler(0xc000123456, 0x10)\n\t/app/main.go:42 +0x1d')).toBe(
      'main.handler(<hex>, <hex>) /app/main.go:<num> +<hex>',
    );
  });

  it('reduces Java exceptions and their frames', () => {
    expect(maskMessage('java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null')).toBe(
      'java.lang.NullPointerException: Cannot invoke <str> because <str> is null',
    );
    expect(maskMessage('\tat com.example.orders.OrderService.place(OrderService.java:118)')).toBe(
      'at com.example.orders.OrderService.place(OrderService.java:<num>)',
    );
    expect(maskMessage('Caused by: org.postgresql.util.PSQLException: FATAL: sorry, too many clients already')).toBe(
      'Caused by: org.postgresql.util.PSQLException: FATAL: sorry, too many clients already',
    );
  });

  it('clusters a JSON line on its message and error, not on its fields', () => {
    const line = JSON.stringify({
      level: 'error',
      ts: '2024-05-01T12:00:00Z',
      msg: 'request failed',
      error: 'dial tcp 10.0.3.7:5432: connect: connection refused',
      request_id: '4f1c2d3e-aa0b-4bcd-9cde-0123456789ab',
    });
    expect(maskMessage(line)).toBe('request failed: dial tcp <ip>: connect: connection refused');
    expect(maskMessage('{"message":"payment declined","error":{"message":"card 4821 expired"}}')).toBe(
      'payment declined: card <num> expired',
    );
    expect(maskMessage('{"error":"pq: sorry, too many clients already","took_ms":12}')).toBe(
      'pq: sorry, too many clients already',
    );
  });

  it('masks a JSON line without a message as text, keeping its keys', () => {
    expect(maskMessage('{"event":"job_failed","job":"4821","after":"12s"}')).toBe(
      '{"event":<str>,"job":<str>,"after":<str>}',
    );
    expect(maskMessage('{not json} at 10.0.0.1')).toBe('{not json} at <ip>');
  });

  it('caps what it masks, so a huge line costs no more than a long one', () => {
    const masked = maskMessage(`boom ${'word '.repeat(1000)}`);
    expect(masked.length).toBeLessThanOrEqual(1000);
    expect(masked.startsWith('boom word word')).toBe(true);
  });
});
