// The whole task-definition diff a rollback would apply, secrets masked.
import { describe, expect, it } from 'vitest';
import { diffSummary, diffTaskDefs, looksSecret, MASKED } from '../../src/domain/taskdefDiff.js';
import type { ContainerDetail, TaskDefinitionInfo } from '../../src/domain/model.js';
import { taskDef } from '../helpers/service.js';

const detail = (over: Partial<ContainerDetail> = {}): ContainerDetail => ({
  env: { PORT: '8080', LOG_LEVEL: 'info', DB_PASSWORD: 'hunter2' },
  secrets: ['STRIPE_KEY'],
  cpu: 256,
  memory: 512,
  command: ['node', 'server.js'],
  healthCheck: { command: ['CMD-SHELL', 'curl -f localhost:8080/health'], intervalS: 30 },
  ports: [{ containerPort: 8080, protocol: 'tcp' }],
  ...over,
});
const withDetail = (rev: number, d: ContainerDetail, over: Partial<TaskDefinitionInfo> = {}): TaskDefinitionInfo => {
  const t = taskDef(rev);
  return { ...t, cpu: '512', memory: '1024', containers: t.containers.map((c) => ({ ...c, detail: d })), ...over };
};

describe('task-definition diff', () => {
  it('lists every difference, masking values of names that look secret', () => {
    const cur = withDetail(
      42,
      detail({ env: { PORT: '8080', LOG_LEVEL: 'debug', DB_PASSWORD: 'new-pw', FEATURE_X: 'on' }, memory: 1024 }),
    );
    const tgt = withDetail(41, detail({ secrets: [], command: ['node', 'old.js'] }), { memory: '2048' });
    const d = diffTaskDefs(cur, tgt);
    expect(d.lines).toEqual([
      { field: 'task memory', from: '1024', to: '2048' },
      {
        container: 'web',
        field: 'image',
        from: 'registry.example.com/web:v1.42.0',
        to: 'registry.example.com/web:v1.41.0',
      },
      { container: 'web', field: 'env DB_PASSWORD', from: MASKED, to: `${MASKED} (changed)` },
      { container: 'web', field: 'env FEATURE_X', from: 'on', to: undefined },
      { container: 'web', field: 'env LOG_LEVEL', from: 'debug', to: 'info' },
      { container: 'web', field: 'secret STRIPE_KEY', from: 'set', to: undefined },
      { container: 'web', field: 'memory', from: '1024', to: '512' },
      { container: 'web', field: 'command', from: '["node","server.js"]', to: '["node","old.js"]' },
    ]);
    expect(JSON.stringify(d)).not.toContain('new-pw');
    expect(JSON.stringify(d)).not.toContain('hunter2');
    expect(diffSummary(d)).toEqual([
      'task: task memory 1024 → 2048',
      'web: env 3 changed, secrets 1 changed, memory 1024 → 512, command changed',
    ]);
  });

  it('says nothing for identical definitions, and compares only names without details', () => {
    expect(diffTaskDefs(withDetail(42, detail()), withDetail(42, detail())).lines).toEqual([]);
    const plain = diffTaskDefs(taskDef(42, 'ACTIVE', 'v2', ['A', 'B']), taskDef(41, 'ACTIVE', 'v1', ['A', 'C']));
    expect(plain.envOnlyCurrent).toEqual(['B']);
    expect(plain.envOnlyTarget).toEqual(['C']);
    expect(plain.lines.map((l) => l.field)).toEqual(['image']);
  });

  it('knows secret-looking names', () => {
    for (const n of [
      'DB_PASSWORD',
      'API_KEY',
      'GITHUB_TOKEN',
      'AWS_SECRET_ACCESS_KEY',
      'SENTRY_DSN',
      'JWT_SIGNING_KEY',
      'KEY',
    ])
      expect(looksSecret(n), n).toBe(true);
    for (const n of ['PORT', 'LOG_LEVEL', 'KEYBOARD_LAYOUT', 'MONKEY']) expect(looksSecret(n), n).toBe(false);
  });
});
