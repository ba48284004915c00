// The YAML config file's shape. Flags override these keys; see README "Config".
import { z } from 'zod';
import { checklistStepSchema } from './checklistSchema.js';
import { durationMs } from './duration.js';
import { verdictSchema } from './verdictSchema.js';

const metricSchema = z.strictObject({
  label: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
  dimensions: z.record(z.string(), z.string()).default({}),
  stat: z.string().default('Average'),
  unit: z.string().default(''),
  threshold: z.number().optional(),
});

/** The keys one watched service may set; at the top level they are the defaults of every target. */
const serviceKeys = z.strictObject({
  cluster: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  endpointUrl: z.url().optional(),
  readOnly: z.boolean().optional(),
  logGroup: z.string().min(1).optional(),
  logFilterPattern: z.string().optional(),
  logBuffer: z.number().int().min(100).max(1_000_000).optional(),
  bell: z.boolean().optional(),
  /** CloudWatch Logs Live Tail, opt-in ($0.01 per session-minute); default false: FilterLogEvents polling. */
  liveTail: z.boolean().optional(),
  alarms: z.strictObject({ prefix: z.string().optional(), names: z.array(z.string().min(1)).optional() }).optional(),
  metrics: z.array(metricSchema).optional(),
  /** Overrides of the built-in series' thresholds (defaults: cpu 70, memory 80, p99 500 ms). */
  thresholds: z
    .strictObject({
      cpu: z.number(),
      memory: z.number(),
      '5xx': z.number(),
      '5xxRate': z.number(),
      requests: z.number(),
      p99: z.number(),
      healthy: z.number(),
    })
    .partial()
    .optional(),
  expectedDailyCost: z
    .strictObject({ min: z.number().nonnegative(), max: z.number().positive() })
    .refine((r) => r.min <= r.max, { message: 'min must not be above max' })
    .optional(),
  watchWindow: durationMs.optional(),
  intervals: z
    .strictObject({
      service: durationMs,
      alarms: durationMs,
      metrics: durationMs,
      logs: durationMs,
      cost: durationMs,
      tasks: durationMs,
      targets: durationMs,
    })
    .partial()
    .optional(),
  /** How the release is judged against its baseline (README "Release verdict"). */
  verdict: verdictSchema.optional(),
  checklist: z.array(checklistStepSchema).optional(),
  /** A Markdown runbook; a relative path is relative to this config file. */
  runbook: z.string().min(1).optional(),
  /** Values for the runbook's placeholders, e.g. { v1.X.Y: v1.4.2 }; --fill overrides. */
  fill: z.record(z.string(), z.string()).optional(),
});

/** Names typed on the command line (`shipwatch prod-api`): no spaces or shell characters, and never
 *  a subcommand's name, which would shadow it. The CLI checks this list against its subcommands. */
export const RESERVED_TARGET_NAMES = ['audit', 'report', 'checklist', 'targets', 'init', 'completion', 'help'];
export const targetNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'a target name is letters, digits, ".", "_" and "-", starting with a letter or digit',
  )
  .refine((n) => !RESERVED_TARGET_NAMES.includes(n), {
    message: 'is the name of a subcommand: pick another target name',
  });

export const targetSchema = serviceKeys;

export const configSchema = serviceKeys.extend({
  /** Named services to watch (`shipwatch prod-api`); each key set here replaces the top-level one. */
  targets: z.record(targetNameSchema, targetSchema).nullish(),
  /** Where the audit log is appended; default $XDG_STATE_HOME/shipwatch/audit.jsonl. */
  auditLog: z.string().min(1).optional(),
});

export type ShipwatchConfig = z.infer<typeof configSchema>;
export type TargetConfig = z.infer<typeof targetSchema>;
