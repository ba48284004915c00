// src/config — what the user asked for: the YAML file's schema and loader (file:line errors), the flag
// schema, where state lives, and the merge of flags over file over defaults into one Settings. Imports
// domain only; the CLI hands Settings to the layers that need them.
//
// Flags over config file over defaults: one resolved Settings object the rest of the app reads.
import { dirname, resolve } from 'node:path';
import { type CliOptions } from './flagsSchema.js';
import { UsageError } from '../domain/errors.js';
import type { PollIntervals } from '../domain/backend.js';
import type { ChecklistStepDef } from '../domain/model.js';
import { toStepDef } from './checklistSchema.js';
import { parseFills, type Fills } from './fillPlaceholders.js';
import type { ShipwatchConfig } from './schema.js';
import { resolveVerdict } from './verdictSchema.js';
import type { VerdictPlan } from '../domain/health/verdictPlan.js';
import { defaultAuditPath, demoAuditPath, releasePath } from './statePaths.js';

export const AWS_INTERVALS: PollIntervals = {
  service: 5000,
  alarms: 10_000,
  metrics: 60_000,
  logs: 1000,
  cost: 60 * 60_000,
  tasks: 30_000,
  targets: 15_000,
};
/** The demo's clock runs ~20x faster than wall time, so it is polled more often than AWS would be. */
export const DEMO_INTERVALS: PollIntervals = {
  service: 1000,
  alarms: 2000,
  metrics: 5000,
  cost: 60_000,
  logs: 250,
  tasks: 3000,
  targets: 2000,
};
export const DEFAULT_WATCH_WINDOW_MS = 2 * 60 * 60_000;
export const DEFAULT_LOG_BUFFER = 10_000;

export interface AwsSettings {
  cluster: string;
  service: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  logGroup?: string;
  logFilterPattern?: string;
  liveTail: boolean;
  alarms: { prefix?: string; names?: string[] };
  metrics: NonNullable<ShipwatchConfig['metrics']>;
  expectedDaily?: { min: number; max: number };
  /** Threshold overrides by series id (cpu, memory, 5xx, requests, p99, healthy). */
  thresholds?: Partial<Record<string, number>>;
}

export interface Settings {
  mode: 'demo' | 'aws';
  /** The demo started because no AWS target was given (not because --demo asked for it). */
  demoByDefault: boolean;
  aws?: AwsSettings;
  demo: Pick<CliOptions, 'scenario' | 'speed' | 'seed'>;
  readOnly: boolean;
  bell: boolean;
  ascii: boolean;
  json: boolean;
  altScreen: boolean;
  logBuffer: number;
  watchWindowMs: number;
  intervals: PollIntervals;
  /** Undefined: use the backend's own (the demo's) checklist. */
  checklist?: ChecklistStepDef[];
  configFile?: string;
  /** The config's target this run watches (`shipwatch NAME`). */
  targetName?: string;
  auditPath: string;
  /** A Markdown runbook whose steps follow the config's checklist. */
  runbook?: string;
  /** Runbook placeholder values (--fill over the config's `fill:`). */
  fills: Fills;
  /** `--release`: the release to watch instead of the newest. */
  release?: string;
  /** Where the watched release is remembered across runs; none for the demo (its world is new each run). */
  releasePath?: string;
  /** How the release is judged against its baseline. */
  verdict: VerdictPlan;
}

function awsTarget(o: CliOptions, c: ShipwatchConfig, file?: string): AwsSettings | undefined {
  const cluster = o.cluster ?? c.cluster;
  const service = o.service ?? c.service;
  if (!cluster && !service) return undefined;
  const where = file ? ` (or ${file})` : '';
  if (!cluster)
    throw new UsageError(`--cluster is required with --service${where}: which ECS cluster runs ${service}?`);
  if (!service) throw new UsageError(`--service is required with --cluster${where}: which service in ${cluster}?`);
  return {
    cluster,
    service,
    region: o.region ?? c.region,
    profile: o.profile ?? c.profile,
    endpointUrl: o.endpointUrl ?? c.endpointUrl,
    logGroup: c.logGroup,
    logFilterPattern: o.logFilter ?? c.logFilterPattern,
    // Opt-in: Live Tail costs $0.01 per session-minute; polling FilterLogEvents costs nothing.
    liveTail: o.liveTail ?? c.liveTail ?? false,
    // Default: alarms whose name starts with the service name.
    alarms:
      c.alarms?.prefix || c.alarms?.names?.length
        ? { prefix: c.alarms.prefix, names: c.alarms.names }
        : { prefix: service },
    metrics: c.metrics ?? [],
    expectedDaily: c.expectedDailyCost,
    thresholds: c.thresholds,
  };
}

export function resolveSettings(o: CliOptions, c: ShipwatchConfig, configFile?: string, targetName?: string): Settings {
  if (o.demo && (o.cluster || o.service || targetName))
    throw new UsageError(
      `--demo and ${targetName ? `the target ${targetName}` : '--cluster/--service'} exclude each other: pick one`,
    );
  const aws = o.demo ? undefined : awsTarget(o, c, configFile);
  return {
    mode: aws ? 'aws' : 'demo',
    targetName,
    demoByDefault: !aws && !o.demo,
    aws,
    demo: { scenario: o.scenario, speed: o.speed, seed: o.seed },
    readOnly: o.readOnly ?? c.readOnly ?? false,
    bell: o.bell && (c.bell ?? true),
    ascii: o.ascii,
    json: o.json,
    altScreen: o.altScreen,
    logBuffer: o.logBuffer ?? c.logBuffer ?? DEFAULT_LOG_BUFFER,
    watchWindowMs: c.watchWindow ?? DEFAULT_WATCH_WINDOW_MS,
    intervals: aws ? { ...AWS_INTERVALS, ...c.intervals } : DEMO_INTERVALS,
    checklist: c.checklist?.map(toStepDef),
    configFile,
    runbook: o.runbook ?? (c.runbook && configFile ? resolve(dirname(configFile), c.runbook) : c.runbook),
    fills: parseFills(o.fill, c.fill),
    auditPath: c.auditLog ?? (aws ? defaultAuditPath() : demoAuditPath()),
    release: o.release,
    releasePath: aws ? releasePath(aws) : undefined,
    verdict: resolveVerdict(c.verdict, configFile),
  };
}
