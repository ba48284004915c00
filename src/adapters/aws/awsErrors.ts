// What an SDK error means for the on-call, in one line, with what to do about it.
import { RequestTimeoutError } from './deadlines.js';

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
}

const asSdk = (e: unknown): SdkErrorLike =>
  typeof e === 'object' && e !== null ? (e as SdkErrorLike) : { message: String(e) };

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const ACCESS = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
]);
const CREDENTIALS = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'CredentialsProviderError',
  'TokenProviderError',
  'InvalidClientTokenId',
  'InvalidSignatureException',
]);

export const isThrottle = (e: unknown): boolean => {
  const err = asSdk(e);
  return THROTTLING.has(err.name ?? '') || /rate exceeded/i.test(err.message ?? '');
};

export const isAccessDenied = (e: unknown): boolean => ACCESS.has(asSdk(e).name ?? '');

export const isCredentialsProblem = (e: unknown): boolean => {
  const err = asSdk(e);
  return (
    CREDENTIALS.has(err.name ?? '') || /could not load credentials|token.*expired|sso session/i.test(err.message ?? '')
  );
};

/**
 * An API that this account or endpoint does not serve: real AWS answers UnknownOperation or
 * InvalidAction; moto answers 500 with an HTML body, which the SDK reports as a failure to
 * deserialise. Callers fall back to older APIs.
 */
export const isUnavailable = (e: unknown): boolean => {
  const err = asSdk(e);
  if (
    ['UnknownOperationException', 'InvalidAction', 'UnsupportedOperation', 'UnsupportedFeatureException'].includes(
      err.name ?? '',
    )
  )
    return true;
  if (err.$metadata?.httpStatusCode === 404 || err.$metadata?.httpStatusCode === 501) return true;
  return (
    err.$metadata?.httpStatusCode === 500 &&
    /deserializ|not implemented|unexpected token|<!doctype|<html/i.test(err.message ?? '')
  );
};

const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** No answer at all: refused, reset, name not found. (The HTTP handler names resets TimeoutError.) */
export const isNetworkError = (e: unknown): boolean => {
  const err = asSdk(e);
  return NETWORK.has(err.code ?? '') || /socket hang up/i.test(err.message ?? '');
};

/** A call past its deadline, or an attempt the HTTP handler gave up on (connect, first byte). */
export const isTimeout = (e: unknown): boolean =>
  e instanceof RequestTimeoutError || (asSdk(e).name === 'TimeoutError' && !isNetworkError(e));

/** `ecs:DescribeServices: AccessDenied — add this action to the IAM policy` and the like. */
export function describeAwsError(e: unknown, action: string, profile?: string): string {
  const err = asSdk(e);
  const msg = (err.message ?? String(e)).split('\n')[0]!;
  if (e instanceof RequestTimeoutError) return e.message;
  if (isNetworkError(e)) return `${action}: no connection to AWS (${err.code ?? msg}), retrying`;
  if (isTimeout(e)) return `${action} timed out (${msg.replace(/^@smithy\/node-http-handler - (\[ERROR\] )?/, '')})`;
  if (isCredentialsProblem(e)) {
    const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login (or set AWS_PROFILE / credentials)';
    return `AWS credentials missing or expired: run ${login} (${err.name ?? 'error'}: ${msg})`;
  }
  if (isAccessDenied(e)) return `${action}: access denied — the IAM policy needs ${action} (see README)`;
  if (isThrottle(e)) return `${action}: throttled by AWS, backing off (${msg})`;
  // moto's HTML 500 reads as a parse error; the on-call needs to know the API is missing, not why parsing failed.
  if (isUnavailable(e)) return `${action}: not served by this endpoint (older APIs are used instead)`;
  return `${action}: ${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${msg}`;
}
