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
  const { createAwsBackend, checkCredentials } = await import('../adapters/aws/index.js');
  const backend = await createAwsBackend({ ...s.aws, watchWindowMs: s.watchWindowMs });
  // Without credentials every pane would fail the same way: say it once, before drawing anything.
  await checkCredentials(backend, s.aws.profile);
  return backend;
}
