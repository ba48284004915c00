// The demo's task definitions carry whole container definitions, so a rollback's diff has
// something real to show: an env value, a secret and the memory differ between 41 and 42.
import { describe, expect, it } from 'vitest';
import { TaskDefs } from '../../src/adapters/demo/taskDefs.js';
import { refKey } from '../../src/domain/model.js';
import { demoOnClock } from '../helpers/demoClock.js';

const signal = new AbortController().signal;

describe('demo task definitions: the detail', () => {
  it('41 → 42 changes env values, adds a secret and raises the memory; the task size stays', async () => {
    const d = await demoOnClock();
    const defs = (await d.backend.getService(signal)).taskDefinitions;
    const web = (n: number) => defs[refKey({ family: 'web', revision: n })]!.containers[0]!;
    const [before, after] = [web(41).detail!, web(42).detail!];
    expect(before.env.DB_POOL_SIZE).toBe('20');
    expect(after.env.DB_POOL_SIZE).toBe('40');
    expect(after.env.FEATURE_NEW_CHECKOUT).toBe('true');
    expect(before.env.FEATURE_NEW_CHECKOUT).toBeUndefined();
    expect(before.secrets).toEqual(['DB_PASSWORD']);
    expect(after.secrets).toEqual(['DB_PASSWORD', 'PAYMENTS_API_KEY']);
    expect([before.memory, after.memory]).toEqual([1024, 1536]);
    // Names and values agree, and the same for every other field a diff would compare.
    expect(web(42).envNames).toEqual(Object.keys(after.env));
    expect({ ...after, env: before.env, secrets: before.secrets, memory: before.memory }).toEqual(before);
    expect(after).toMatchObject({
      essential: true,
      healthCheck: { command: ['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'], retries: 3 },
      ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    });
    for (const n of [38, 39, 40, 41, 42])
      expect(defs[refKey({ family: 'web', revision: n })]).toMatchObject({ cpu: '1024', memory: '2048' });
    expect(defs['web:42']!.containers[1]!.detail).toMatchObject({ env: { FLB_LOG_LEVEL: 'warn' }, secrets: [] });
  });

  it('a pinned copy has the source detail, not shared with it', () => {
    const defs = new TaskDefs(0);
    const source = { family: 'web', revision: 41 };
    const pinned = defs.pin(source, defs.images(source), 1000);
    const copy = defs.get(pinned)!.containers[0]!.detail!;
    expect(copy).toEqual(defs.get(source)!.containers[0]!.detail);
    copy.env.DB_POOL_SIZE = 'changed';
    copy.secrets.push('ANOTHER');
    expect(defs.get(source)!.containers[0]!.detail).toMatchObject({
      env: { DB_POOL_SIZE: '20' },
      secrets: ['DB_PASSWORD'],
    });
  });
});
