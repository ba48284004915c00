// Rollback end to end below the UI: planner → controller → AWS adapter → moto, with the audit log.
import { DeregisterTaskDefinitionCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsBackend, type AwsBackend } from '../../src/adapters/aws/index.js';
import { readAudit } from '../../src/app/auditLog.js';
import { selectPlan } from '../../src/app/selectors.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { loadedController } from '../helpers/rollbackHarness.js';
import { awsClients, SEEDED, seedWorld } from '../helpers/seedAws.js';

let moto: Moto;
let backend: AwsBackend;
let auditPath: string;

beforeAll(async () => {
  Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  moto = await startMoto();
});
afterAll(() => moto?.stop());
beforeEach(async () => {
  await moto.reset();
  await seedWorld(moto);
  auditPath = join(mkdtempSync(join(tmpdir(), 'shipwatch-audit-')), 'audit.jsonl');
  backend = await createAwsBackend({
    cluster: SEEDED.cluster,
    service: SEEDED.service,
    region: 'us-east-1',
    endpointUrl: moto.endpoint,
    alarms: { prefix: 'web' },
    metrics: [],
    liveTail: false,
    watchWindowMs: 2 * 3_600_000,
  });
});
afterEach(() => backend.close());

const loaded = (opts: { readOnly?: boolean; audit?: string } = {}) =>
  loadedController(backend, opts.audit ?? auditPath, opts);

async function serviceTaskDefinition(): Promise<string | undefined> {
  const out = await awsClients(moto).ecs.send(
    new DescribeServicesCommand({ cluster: SEEDED.cluster, services: [SEEDED.service] }),
  );
  return out.services?.[0]?.taskDefinition;
}

describe('rollback against moto', () => {
  it('service on revision 3 → UpdateService to revision 2, recorded before and after the call', async () => {
    const { store, controller } = await loaded();
    expect(selectPlan(store.getState()).request).toMatchObject({
      to: { family: 'web', revision: 2 },
      method: 'update-service',
    });
    await controller.confirmRollback();
    expect(await serviceTaskDefinition()).toMatch(/web:2$/);
    expect(store.getState().rollback.phase).toBe('in-flight');
    const entries = readAudit(auditPath).entries;
    expect(entries.map((e) => e.kind === 'rollback' && e.phase)).toEqual(['requested', 'accepted']);
    expect(entries[0]).toMatchObject({
      cluster: 'prod',
      service: 'web',
      backend: 'aws',
      from: { family: 'web', revision: 3 },
      to: { family: 'web', revision: 2 },
      method: 'update-service',
      who: { caller: expect.stringContaining('123456789012'), user: expect.any(String), host: expect.any(String) },
    });
    controller.stop();
  });

  it('revision 2 deregistered → revision 1', async () => {
    await awsClients(moto).ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:2' }));
    const { controller } = await loaded();
    await controller.confirmRollback();
    expect(await serviceTaskDefinition()).toMatch(/web:1$/);
    controller.stop();
  });

  it('read-only: nothing changes and nothing is recorded as requested', async () => {
    const { store, controller } = await loaded({ readOnly: true });
    await controller.confirmRollback();
    expect(await serviceTaskDefinition()).toMatch(/web:3$/);
    expect(store.getState().ui.notice).toMatch(/rollback refused: read-only/);
    expect(readAudit(auditPath).entries).toEqual([]);
    controller.stop();
  });

  it('an audit log that cannot be written stops the rollback before AWS is asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-audit-'));
    mkdirSync(join(dir, 'audit.jsonl')); // a directory where the file should be
    const { store, controller } = await loaded({ audit: join(dir, 'audit.jsonl') });
    await controller.confirmRollback();
    expect(await serviceTaskDefinition()).toMatch(/web:3$/);
    expect(store.getState().rollback.phase).toBe('idle');
    expect(store.getState().ui.notice).toMatch(/rollback not started: the audit log cannot be written/);
    controller.stop();
  });
});
