// A rollback whose answer is lost, end to end below the UI: controller → AwsBackend → fault proxy →
// moto, with the audit log. The change is sent once (counted at the proxy) and the service read back:
// applied → accepted (the header follows the rollback, never FAILED), not applied → failed and the
// retry is the user's, unknown → failed with "check the service". The same for a pin's
// RegisterTaskDefinition. StopServiceDeployment (moto lacks it): test/unit/aws-rollback-read-back.test.ts.
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsBackend, type AwsBackend } from '../../src/adapters/aws/index.js';
import { readAudit } from '../../src/app/auditLog.js';
import { selectVerdict } from '../../src/app/selectors.js';
import { freshAuditPath } from '../helpers/auditFile.js';
import type { Fault } from '../helpers/faultProxy.js';
import { withMotoBehindProxy } from '../helpers/motoProxy.js';
import { loadedController, serviceTaskDefinition } from '../helpers/rollbackHarness.js';
import { awsClients, seededBackendOptions } from '../helpers/seedAws.js';

const { moto, proxy } = withMotoBehindProxy();
let backend: AwsBackend;
let auditPath: string;
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

beforeEach(async () => {
  auditPath = freshAuditPath();
  backend = await createAwsBackend({
    ...seededBackendOptions(proxy().url),
    // moto is consistent at once: read back without waiting; a hung change is given up on quickly.
    mutation: { readBackDelaysMs: [0], timeoutMs: 500 },
  });
});
afterEach(() => backend.close());

/** The seeded service on web:3, a rollback to web:2 confirmed with these faults in the way. */
async function rollBackThrough(faults: Fault[]) {
  const { store, controller } = await loadedController(backend, auditPath);
  proxy().requests.length = 0;
  proxy().setFaults(faults);
  await controller.confirmRollback();
  controller.stop();
  proxy().clear();
  const rollbacks = readAudit(auditPath).entries.filter((e) => e.kind === 'rollback');
  return { store, rollbacks, sent: (api: string) => proxy().requests.filter((r) => r.api === api).length };
}

describe('UpdateService whose answer is lost', () => {
  it('applied (moto did it, the answer was dropped): sent once, read back, recorded as accepted', async () => {
    const { store, rollbacks, sent } = await rollBackThrough([
      { api: 'UpdateService', action: { kind: 'drop-response' } },
    ]);
    expect(sent('ecs:UpdateService')).toBe(1);
    expect(await serviceTaskDefinition(moto())).toMatch(/web:2$/);
    expect(rollbacks.map((e) => e.phase)).toEqual(['requested', 'accepted']);
    expect(rollbacks[1]).toMatchObject({ outcome: 'applied', answer: 'lost', method: 'update-service' });
    expect(store.getState().rollback.phase).toBe('in-flight');
    expect(selectVerdict(store.getState())).toBe('ROLLING BACK');
  });

  it('reset before it reached AWS: sent once, not applied, and the retry is the user’s', async () => {
    const { store, rollbacks, sent } = await rollBackThrough([{ api: 'UpdateService', action: { kind: 'reset' } }]);
    expect(sent('ecs:UpdateService')).toBe(1);
    expect(await serviceTaskDefinition(moto())).toMatch(/web:3$/);
    expect(rollbacks.map((e) => e.phase)).toEqual(['requested', 'failed']);
    expect(rollbacks[1]).toMatchObject({ outcome: 'not-applied', answer: 'lost' });
    expect(store.getState().rollback).toMatchObject({ phase: 'failed' });
    expect(store.getState().rollback.error).toMatch(/^ecs:UpdateService: the answer was lost .* press r to try again$/);
  });

  it('hung until the deadline: sent once, read back, not applied', async () => {
    const { rollbacks, sent } = await rollBackThrough([{ api: 'UpdateService', action: { kind: 'hang' } }]);
    expect(sent('ecs:UpdateService')).toBe(1);
    expect(rollbacks[1]).toMatchObject({ phase: 'failed', outcome: 'not-applied', answer: 'lost' });
    expect(rollbacks[1]!.kind === 'rollback' && rollbacks[1]!.error).toMatch(/no answer in time/);
  });

  it('throttled (AWS answered 400): sent once, not applied, nothing to read back', async () => {
    const { store, rollbacks, sent } = await rollBackThrough([{ api: 'UpdateService', action: { kind: 'throttle' } }]);
    expect(sent('ecs:UpdateService')).toBe(1);
    expect(sent('ecs:DescribeServices')).toBe(0);
    expect(rollbacks[1]).toMatchObject({ phase: 'failed', outcome: 'not-applied' });
    expect(rollbacks[1]).not.toHaveProperty('answer');
    expect(store.getState().knownRollbacks).toEqual([]); // refused: nothing to remember
    expect(store.getState().rollback.error).toBe(
      'ecs:UpdateService: throttled by AWS — not applied: press r to try again',
    );
  });

  it('applied, but the read-back fails too: unknown, failed, and says to check the service first', async () => {
    const { store, rollbacks, sent } = await rollBackThrough([
      { api: 'UpdateService', action: { kind: 'drop-response' } },
      { api: 'DescribeServices', action: { kind: 'down' } },
    ]);
    expect(sent('ecs:UpdateService')).toBe(1);
    expect(await serviceTaskDefinition(moto())).toMatch(/web:2$/);
    expect(rollbacks[1]).toMatchObject({ phase: 'failed', outcome: 'unknown', answer: 'lost' });
    expect(store.getState().rollback.error).toMatch(/check the service before retrying$/);
    // It may have happened: its deployment must not be taken for a new release.
    expect(store.getState().knownRollbacks.map((k) => [k.from.revision, k.to.revision])).toEqual([[3, 2]]);
  });
});

describe('RegisterTaskDefinition (pin) whose answer is lost', () => {
  it('is sent once and the pinned revision is found by reading the family back', async () => {
    proxy().setFaults([{ api: 'RegisterTaskDefinition', action: { kind: 'drop-response' } }]);
    const image = [{ container: 'web', image: 'registry.example.com/web:v1.0.2', digest: DIGEST }];
    const pinned = await backend.pinImages({ family: 'web', revision: 2 }, image);
    expect(pinned).toEqual({ family: 'web', revision: 4, answer: 'lost' });
    expect(proxy().requests.filter((r) => r.api === 'ecs:RegisterTaskDefinition')).toHaveLength(1);
    const td = await awsClients(moto()).ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:4' }));
    expect(td.taskDefinition?.containerDefinitions?.[0]?.image).toBe(`registry.example.com/web@${DIGEST}`);
  });
});
