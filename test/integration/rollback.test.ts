// Rollback end to end below the UI: planner → controller → AWS adapter → moto, with the audit log.
import { DeregisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsBackend, type AwsBackend } from '../../src/adapters/aws/index.js';
import { readAudit } from '../../src/app/auditLog.js';
import { selectPlan } from '../../src/app/selectors.js';
import { freshAuditPath } from '../helpers/auditFile.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { loadedController, serviceTaskDefinition } from '../helpers/rollbackHarness.js';
import { awsClients, seededBackendOptions, seedWorld } from '../helpers/seedAws.js';

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
  auditPath = freshAuditPath();
  backend = await createAwsBackend(seededBackendOptions(moto.endpoint));
});
afterEach(() => backend.close());

const loaded = (opts: { readOnly?: boolean; audit?: string } = {}) =>
  loadedController(backend, opts.audit ?? auditPath, opts);

describe('rollback against moto', () => {
  it('service on revision 3 → UpdateService to revision 2, recorded before and after the call', async () => {
    const { store, controller } = await loaded();
    expect(selectPlan(store.getState()).request).toMatchObject({
      to: { family: 'web', revision: 2 },
      method: 'update-service',
    });
    await controller.confirmRollback();
    expect(await serviceTaskDefinition(moto)).toMatch(/web:2$/);
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
    expect(await serviceTaskDefinition(moto)).toMatch(/web:1$/);
    controller.stop();
  });

  it('read-only: nothing changes and nothing is recorded as requested', async () => {
    const { store, controller } = await loaded({ readOnly: true });
    await controller.confirmRollback();
    expect(await serviceTaskDefinition(moto)).toMatch(/web:3$/);
    expect(store.getState().ui.notice).toMatch(/rollback refused: read-only/);
    expect(readAudit(auditPath).entries).toEqual([]);
    controller.stop();
  });

  it('an audit log that cannot be written stops the rollback before AWS is asked', async () => {
    const audit = freshAuditPath();
    mkdirSync(audit); // a directory where the file should be
    const { store, controller } = await loaded({ audit });
    await controller.confirmRollback();
    expect(await serviceTaskDefinition(moto)).toMatch(/web:3$/);
    expect(store.getState().rollback.phase).toBe('idle');
    expect(store.getState().ui.notice).toMatch(/rollback not started: the audit log cannot be written/);
    controller.stop();
  });
});
