import { ECSClient, CreateClusterCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(() => moto?.stop());

describe('moto harness', () => {
  it('serves ECS over real HTTP to the SDK, and resets', async () => {
    const ecs = new ECSClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
        secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      },
    });
    await ecs.send(new CreateClusterCommand({ clusterName: 'c1' }));
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:cluster/c1',
    ]);
    await moto.reset();
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
  });
});
