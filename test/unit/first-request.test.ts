import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { firstRequestWritten } from '../../src/cli/firstRequest.js';
import { createClients, destroyClients } from '../../src/adapters/aws/clients.js';

test('firstRequestWritten resolves once the ECS request is written out, before its answer; other requests do not count', async () => {
  let answerEcs!: () => void;
  const ecsMayAnswer = new Promise<void>((r) => (answerEcs = r));
  // The service read is held until the test lets it answer; anything else is answered at once.
  const server = createServer((req, res) => {
    if (req.headers['x-amz-target']) void ecsMayAnswer.then(() => res.end('ok'));
    else res.end('token');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const send = (path: string, headers: Record<string, string>) =>
    new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.end('body');
    });
  const written = firstRequestWritten(60_000);
  let resolved = false;
  void written.then(() => (resolved = true));
  // The instance role's credentials first (IMDS: no target): not the service read.
  await send('/latest/api/token', {});
  expect(resolved).toBe(false);
  let answered = false;
  const ecs = send('/', { 'X-Amz-Target': 'AmazonEC2ContainerServiceV20141113.DescribeServices' }).then(
    () => (answered = true),
  );
  await written;
  expect(answered).toBe(false);
  answerEcs();
  await ecs;
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
