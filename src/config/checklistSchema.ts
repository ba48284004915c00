// Checklist steps in the YAML config, one shape per kind, turned into the model's ChecklistStepDef.
import { z } from 'zod';
import type { ChecklistStepDef } from '../domain/model.js';
import { durationMs } from './duration.js';

const base = {
  id: z.string().min(1).optional(),
  title: z.string().min(1),
  phase: z.enum(['pre', 'deploy', 'post']).default('post'),
};
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const httpStep = z.strictObject({
  ...base,
  kind: z.literal('http'),
  url: z.url(),
  method: z.string().default('GET'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
  timeout: durationMs.default(10_000),
  expect: z
    .strictObject({
      status: z.number().int().optional(),
      /** JSON path → value, e.g. { status: healthy, "checks.db": ok } */
      json: z.record(z.string(), scalar).optional(),
      /** JSON path → members the list there must contain, e.g. { networks: [base, base-sepolia] } */
      listContains: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
    })
    .default({}),
});

const commandStep = z.strictObject({
  ...base,
  kind: z.literal('command'),
  run: z.string().min(1),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  timeout: durationMs.default(60_000),
  expect: z
    .strictObject({
      exitCode: z.number().int().optional(),
      output: z.string().optional(),
      empty: z.boolean().optional(),
    })
    .default({}),
});

const builtInStep = z.strictObject({
  ...base,
  kind: z.enum([
    'ecs-steady',
    'alarms-ok',
    'no-log-errors',
    'metric-below',
    'cost-within',
    'verdict',
    'wait',
    'manual',
  ]),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const checklistStepSchema = z.discriminatedUnion('kind', [httpStep, commandStep, builtInStep]);
export type ConfigStep = z.infer<typeof checklistStepSchema>;

export function toStepDef(s: ConfigStep, index: number): ChecklistStepDef {
  const common = { id: s.id ?? `step-${index + 1}`, title: s.title, phase: s.phase };
  if (s.kind === 'http') {
    const { status, json = {}, listContains = {} } = s.expect;
    return {
      ...common,
      kind: 'http',
      http: {
        method: s.method.toUpperCase(),
        url: s.url,
        headers: s.headers,
        body: s.body,
        timeoutMs: s.timeout,
        expect: {
          status,
          json: Object.entries(json).map(([path, equals]) => ({ path, equals })),
          listContains: Object.entries(listContains).map(([path, members]) => ({ path, members })),
        },
      },
    };
  }
  if (s.kind === 'command') {
    return {
      ...common,
      kind: 'command',
      command: {
        run: s.run,
        cwd: s.cwd,
        env: s.env,
        timeoutMs: s.timeout,
        expect: { exitCode: s.expect.exitCode, outputRegex: s.expect.output, emptyOutput: s.expect.empty },
      },
    };
  }
  return { ...common, kind: s.kind, params: s.params };
}
