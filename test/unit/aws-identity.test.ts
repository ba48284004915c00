import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { getIdentity } from '../../src/adapters/aws/identity.js';

const sts = new STSClient({ region: 'us-east-1' });
const mock = mockClient(sts);
const signal = new AbortController().signal;
beforeEach(() => mock.reset());

describe('getIdentity', () => {
  it('maps GetCallerIdentity and keeps the service region, not the STS one', async () => {
    mock
      .on(GetCallerIdentityCommand)
      .resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/oncall/alice', UserId: 'x' });
    expect(await getIdentity(sts, 'eu-central-1', signal)).toEqual({
      account: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/oncall/alice',
      region: 'eu-central-1',
    });
  });

  it('fails on an answer without an account rather than showing a blank one', async () => {
    mock.on(GetCallerIdentityCommand).resolves({});
    await expect(getIdentity(sts, 'eu-central-1', signal)).rejects.toThrow(/no account/);
  });
});
