// What the command line may set, validated by zod; settings.ts merges it over the config file.
import { z } from 'zod';

export const SCENARIO_NAMES = ['bad-release', 'healthy', 'stuck-rollout', 'log-flood'] as const;

export const optionsSchema = z.object({
  demo: z.boolean().default(false),
  /** `shipwatch NAME` or `-t NAME`: a target from the config file. */
  target: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
  endpointUrl: z.url({ error: 'must be a URL such as http://127.0.0.1:5000' }).optional(),
  logFilter: z.string().optional(),
  release: z.string().min(1).optional(),
  runbook: z.string().min(1).optional(),
  fill: z.array(z.string()).default([]),
  bell: z.boolean().default(true),
  scenario: z.enum(SCENARIO_NAMES).default('bad-release'),
  speed: z.coerce
    .number({ error: 'must be a number' })
    .positive('must be a number above 0')
    .max(10_000, 'must be at most 10000')
    .default(20),
  seed: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').default(1),
  ascii: z.boolean().default(false),
  json: z.boolean().default(false),
  readOnly: z.boolean().optional(),
  /** --live-tail: follow logs with Live Tail ($0.01 per session-minute) instead of polling. */
  liveTail: z.boolean().optional(),
  altScreen: z.boolean().default(true),
  logBuffer: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .max(1_000_000, 'must be at most 1000000')
    .optional(),
});

export type CliOptions = z.infer<typeof optionsSchema>;
