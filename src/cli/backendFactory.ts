// Settings → Backend, shared by the dashboard, the non-TTY snapshot and `shipwatch report`.
import type { Settings } from '../config/settings.js';
import type { Backend } from '../domain/backend.js';
import { createDemoBackend } from '../adapters/demo/index.js';
import { sanitizedBackend } from '../app/sanitizedBackend.js';

/** Every backend the CLI uses answers through the sanitising boundary (app/sanitizedBackend.ts). */
export async function createBackend(s: Settings): Promise<Backend> {
  return sanitizedBackend(await createRawBackend(s));
}

async function createRawBackend(s: Settings): Promise<Backend> {
  if (s.mode === 'demo' || !s.aws) return createDemoBackend(s.demo);
  // Loaded only for AWS, so the demo starts without parsing the SDK.
  const { createAwsBackend } = await import('../adapters/aws/index.js');
  // No credentials check is awaited here: the first service read's answer is it (a CredentialsError).
  return createAwsBackend({ ...s.aws, watchWindowMs: s.watchWindowMs });
}
