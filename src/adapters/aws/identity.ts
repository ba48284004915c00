// Who the dashboard is acting as, for the header: the on-call must see the account before acting.
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Identity } from '../../domain/model.js';

/** `region` is the service's region (STS does not know it); passed through for the header. */
export async function getIdentity(sts: STSClient, region: string, signal: AbortSignal): Promise<Identity> {
  const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  if (!out.Account || !out.Arn) throw new Error('sts:GetCallerIdentity: no account or ARN in the answer');
  return { account: out.Account, arn: out.Arn, region };
}
