import { describe, expect, it } from 'vitest';
import { describeAwsError } from '../../src/adapters/aws/awsErrors.js';
import {
  deadlineFor,
  DEFAULT_TIMEOUTS,
  RequestTimeoutError,
  timeoutsFromEnv,
} from '../../src/adapters/aws/deadlines.js';

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

  it('says which call timed out and after how long, and tells a reset from a timeout', () => {
    expect(describeAwsError(new RequestTimeoutError('ecs:DescribeTaskDefinition', 5000), 'ecs:DescribeServices')).toBe(
      'ecs:DescribeTaskDefinition timed out after 5 s',
    );
    const handler = Object.assign(
      new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 5000 ms requestTimeout.'),
      { name: 'TimeoutError', $metadata: {} },
    );
    expect(describeAwsError(handler, 'ecs:ListTasks')).toBe(
      'ecs:ListTasks timed out (a request has exceeded the configured 5000 ms requestTimeout.)',
    );
    // The HTTP handler names a reset TimeoutError too; the on-call needs to hear the connection dropped.
    const reset = Object.assign(new Error('read ECONNRESET'), {
      name: 'TimeoutError',
      code: 'ECONNRESET',
      $metadata: {},
    });
    expect(describeAwsError(reset, 'ecs:ListTasks')).toBe('ecs:ListTasks: no connection to AWS (ECONNRESET), retrying');
  });

  it('says what to run when the token has expired', () => {
    const expired = sdk('ExpiredTokenException', 'The security token included in the request is expired', 400);
    expect(describeAwsError(expired, 'ecs:DescribeServices', 'oncall')).toMatch(
      /^AWS credentials missing or expired: run aws sso login --profile oncall \(ExpiredTokenException: /,
    );
  });
});

describe('request deadlines', () => {
  it('gives a page of logs and Cost Explorer longer than a read, and leaves streams and changes to their callers', () => {
    expect(deadlineFor('ecs:DescribeServices', DEFAULT_TIMEOUTS)).toBe(5000);
    expect(deadlineFor('logs:FilterLogEvents', DEFAULT_TIMEOUTS)).toBe(15_000);
    expect(deadlineFor('logs:DescribeLogGroups', DEFAULT_TIMEOUTS)).toBe(5000);
    expect(deadlineFor('ce:GetCostAndUsage', DEFAULT_TIMEOUTS)).toBe(10_000);
    expect(deadlineFor('logs:StartLiveTail', DEFAULT_TIMEOUTS)).toBeUndefined();
    expect(deadlineFor('ecs:UpdateService', DEFAULT_TIMEOUTS)).toBeUndefined();
  });

  it('shrinks them all from SHIPWATCH_REQUEST_TIMEOUT_MS, and ignores a value that is not a positive number', () => {
    expect(timeoutsFromEnv({ SHIPWATCH_REQUEST_TIMEOUT_MS: '500' })).toEqual({
      readMs: 500,
      logsPageMs: 1500,
      costMs: 1000,
      connectMs: 500,
    });
    expect(timeoutsFromEnv({ SHIPWATCH_REQUEST_TIMEOUT_MS: 'soon' })).toBe(DEFAULT_TIMEOUTS);
    expect(timeoutsFromEnv({})).toBe(DEFAULT_TIMEOUTS);
  });
});
