// A controller over a real backend, its store holding one fresh read of the service (as after the
// first poll) and an audit log at `auditPath`: what `y` in the rollback dialog acts on; and what
// moto's service is on afterwards.
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import type { Backend } from '../../src/domain/backend.js';
import { AuditLog, localWho } from '../../src/app/auditLog.js';
import { Controller } from '../../src/app/controller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { AWS_INTERVALS } from '../../src/config/settings.js';
import type { Moto } from './moto.js';
import { awsClients, SEEDED } from './seedAws.js';

export async function loadedController(backend: Backend, auditPath: string, opts: { readOnly?: boolean } = {}) {
  const signal = new AbortController().signal;
  const store = createStore(initialState({ readOnly: opts.readOnly }));
  store.dispatch({
    type: 'source/loaded',
    source: 'identity',
    data: await backend.getIdentity(signal),
    at: Date.now(),
  });
  store.dispatch({ type: 'source/loaded', source: 'service', data: await backend.getService(signal), at: Date.now() });
  const { cluster, service } = backend.target;
  const audit = new AuditLog(auditPath, { cluster, service, backend: backend.kind }, () =>
    localWho(store.getState().identity.data?.arn),
  );
  return { store, controller: new Controller(backend, store, AWS_INTERVALS, { audit }) };
}

/** The task definition the seeded service is on, as moto has it now (family:revision). */
export async function serviceTaskDefinition(moto: Moto): Promise<string | undefined> {
  const out = await awsClients(moto).ecs.send(
    new DescribeServicesCommand({ cluster: SEEDED.cluster, services: [SEEDED.service] }),
  );
  return out.services?.[0]?.taskDefinition;
}
