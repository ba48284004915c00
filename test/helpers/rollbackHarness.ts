// A controller over a real backend, its store holding one fresh read of the service (as after the
// first poll) and an audit log at `auditPath`: what `y` in the rollback dialog acts on.
import type { Backend } from '../../src/domain/backend.js';
import { AuditLog, localWho } from '../../src/app/auditLog.js';
import { Controller } from '../../src/app/controller.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { AWS_INTERVALS } from '../../src/config/settings.js';

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
