import { describe, expect, it } from 'vitest';
import { describeAwsError } from '../../src/adapters/aws/awsErrors.js';

const sdk = (name: string, message: string, status: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('describeAwsError', () => {
  it('says an API the endpoint does not serve is missing, not how parsing its HTML failed', () => {
    const moto500 = sdk('SyntaxError', 'Unexpected token < in JSON at position 0', 500);
    expect(describeAwsError(moto500, 'ecs:ListServiceDeployments')).toBe(
      'ecs:ListServiceDeployments: not served by this endpoint (older APIs are used instead)',
    );
    expect(describeAwsError(sdk('UnknownOperationException', 'x', 400), 'ecs:DescribeServiceRevisions')).toMatch(
      /not served by this endpoint/,
    );
  });

  it('names the IAM action when access is denied, and keeps other errors whole', () => {
    expect(describeAwsError(sdk('AccessDeniedException', 'no', 400), 'ecs:ListTasks')).toBe(
      'ecs:ListTasks: access denied — the IAM policy needs ecs:ListTasks (see README)',
    );
    expect(describeAwsError(sdk('ServerException', 'boom', 500), 'ecs:ListTasks')).toBe(
      'ecs:ListTasks: ServerException: boom',
    );
  });
});
