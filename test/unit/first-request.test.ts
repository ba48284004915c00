import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { firstRequestWritten } from '../../src/cli/firstRequest.js';
import { createClients, destroyClients } from '../../src/adapters/aws/clients.js';

test('firstRequestWritten resolves once a request is written out, before its answer', async () => {
  let answer!: () => void;
  const received = new Promise<void>((r) => (answer = r));
  const server = createServer((_req, res) => void received.then(() => res.end('ok')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const written = firstRequestWritten(60_000);
  let answered = false;
  const done = new Promise<void>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => ((answered = true), resolve()));
    });
    req.end('body');
  });
  await written;
  expect(answered).toBe(false);
  answer();
  await done;
  expect(answered).toBe(true);
  server.close();
});

test('firstRequestWritten gives up after its wait when nothing is sent (the demo, a blocked start)', async () => {
  await expect(firstRequestWritten(5)).resolves.toBeUndefined();
});

test('clients are built on first use, once: the same instance every time, middleware and all', () => {
  const clients = createClients({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
  expect(clients.ecs).toBe(clients.ecs);
  expect(clients.logs).toBe(clients.logs);
  expect(Object.keys(clients).sort()).toEqual(['cloudwatch', 'costExplorer', 'ecs', 'elb', 'logs', 'sts']);
  destroyClients(clients);
});
