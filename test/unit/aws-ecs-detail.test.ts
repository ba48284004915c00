// DescribeTaskDefinition → the whole container definition a rollback diff needs, from the one
// DescribeTaskDefinition the snapshot already sends.
import { describe, expect, it } from 'vitest';
import { mapTaskDefinition } from '../../src/adapters/aws/ecsMap.js';
import { fullContainerDefinition, sdkTaskDef } from '../helpers/ecsFixtures.js';

describe('mapTaskDefinition: the detail', () => {
  it('keeps env values, secret names (never their ARNs), sizes, command, health check and ports', () => {
    const td = mapTaskDefinition(
      sdkTaskDef(42, { cpu: '1024', memory: '2048', containerDefinitions: [fullContainerDefinition] }),
    )!;
    expect(td).toMatchObject({ cpu: '1024', memory: '2048' });
    expect(td.containers[0]!.envNames).toEqual(['PORT', 'FEATURE_NEW_CHECKOUT']);
    expect(td.containers[0]!.detail).toEqual({
      env: { PORT: '8080', FEATURE_NEW_CHECKOUT: 'true' },
      secrets: ['DB_PASSWORD'],
      cpu: 448,
      memory: 1536,
      memoryReservation: 1024,
      essential: true,
      entryPoint: ['/usr/local/bin/web'],
      command: ['serve', '--port', '8080'],
      healthCheck: {
        command: ['CMD-SHELL', 'curl -f http://localhost:8080/health'],
        intervalS: 15,
        timeoutS: 5,
        retries: 3,
        startPeriodS: 30,
      },
      ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    });
    expect(JSON.stringify(td)).not.toContain('secretsmanager');
  });

  it('leaves out what the definition does not say: no size, no health check; an env var without a value is empty', () => {
    const td = mapTaskDefinition(
      sdkTaskDef(3, {
        containerDefinitions: [
          { name: 'web', image: 'web:1', environment: [{ name: 'EMPTY' }, { value: 'nameless' }] },
        ],
      }),
    )!;
    expect(td.cpu).toBeUndefined();
    expect(td.memory).toBeUndefined();
    const d = td.containers[0]!.detail!;
    expect(d.env).toEqual({ EMPTY: '' });
    expect(d.healthCheck).toBeUndefined();
    expect(d.memory).toBeUndefined();
    expect(d.ports).toEqual([]);
  });
});
