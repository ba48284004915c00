// moto behind the fault proxy for one test file: both started before its first test and closed after
// its last; before each test the faults are cleared, moto emptied (and seeded), the requests forgotten.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFaultProxy, type FaultProxy } from './faultProxy.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from './moto.js';
import { seedWorld } from './seedAws.js';

export interface MotoBehindProxyOptions {
  /** Put TEST_CREDENTIALS in process.env, for SDK clients this process builds without credentials. Default true. */
  credentialsEnv?: boolean;
  /** seedWorld before each test; false leaves moto empty. Default true. */
  seed?: boolean;
}

/** Registers the hooks; the accessors are for use inside tests and later hooks. */
export function withMotoBehindProxy(o: MotoBehindProxyOptions = {}): { moto: () => Moto; proxy: () => FaultProxy } {
  let moto: Moto | undefined;
  let proxy: FaultProxy | undefined;
  const started = <T>(x: T | undefined): T => {
    if (x === undefined)
      throw new Error('moto and the fault proxy are not started yet (use them inside a test or hook)');
    return x;
  };

  beforeAll(async () => {
    if (o.credentialsEnv ?? true) Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
    moto = await startMoto();
    proxy = await startFaultProxy(moto.endpoint);
  });
  afterAll(async () => {
    await proxy?.close();
    await moto?.stop();
  });
  beforeEach(async () => {
    started(proxy).clear();
    await started(moto).reset();
    if (o.seed ?? true) await seedWorld(started(moto));
    started(proxy).requests.length = 0;
  });

  return { moto: () => started(moto), proxy: () => started(proxy) };
}
