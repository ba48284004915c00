import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.js';
import type { Release } from '../../src/domain/release.js';
import { buildTimeline, TIMELINE_LEAD_MS } from '../../src/domain/timeline.js';
import { deployment, ref, service, serviceDeployment } from '../helpers/service.js';

const T0 = Date.parse('2026-12-01T14:02:00Z');
const release: Release = {
  cluster: 'demo',
  service: 'web',
  t0: T0,
  released: { ref: ref(42), imageTags: ['v1.4.0'] },
  previous: { ref: ref(41), imageTags: ['v1.3.6'] },
  deploymentId: 'sd-42',
};
const entry = (at: number, e: Partial<AuditEntry>): AuditEntry =>
  ({
    at: new Date(at).toISOString(),
    who: { caller: 'arn:aws:sts::1:assumed-role/oncall/jane', user: 'jane', host: 'bastion' },
    cluster: 'demo',
    service: 'web',
    backend: 'aws',
    ...e,
  }) as AuditEntry;

describe('the release timeline', () => {
  it("ECS's record and this target's audit entries, oldest first, from shortly before T+0", () => {
    const s = service(41, [41, 42], {
      serviceDeployments: [
        serviceDeployment(42, [41], { createdAt: T0, finishedAt: T0 + 300_000, status: 'ROLLBACK_SUCCESSFUL' }),
      ],
      events: [
        { id: 'e1', createdAt: T0 + 400_000, message: '(service web) has reached a steady state.' },
        { id: 'e2', createdAt: T0 + 10_000, message: '(service web) has started 1 tasks: (task 1).' },
      ],
    });
    const entries = [
      entry(T0 - TIMELINE_LEAD_MS - 1, {
        kind: 'checklist',
        step: 'x',
        title: 'Last week',
        phase: 'pre',
        stepKind: 'http',
        status: 'passed',
      }),
      entry(T0 + 120_000, { kind: 'alarm', alarm: 'web-5xx', from: 'OK', to: 'ALARM' }),
      entry(T0 + 200_000, {
        kind: 'rollback',
        phase: 'failed',
        from: ref(42),
        to: ref(41),
        method: 'update-service',
        error: 'denied',
      }),
      entry(T0 + 130_000, { kind: 'alarm', alarm: 'other', from: 'OK', to: 'ALARM', service: 'api' }),
    ];
    expect(buildTimeline(release, s, entries).map((e) => [e.at - T0, e.text, e.tone])).toEqual([
      [0, 'T+0: release web:42 deployed (before it web:41)', undefined],
      [0, 'ECS deployment to web:42 started (from web:41)', undefined],
      [120_000, 'alarm web-5xx OK → ALARM', 'bad'],
      [200_000, 'rollback web:42 → web:41 failed (oncall/jane): denied', 'bad'],
      [300_000, 'ECS deployment to web:42 ROLLBACK_SUCCESSFUL', 'warn'],
      [400_000, 'ECS: (service web) has reached a steady state.', undefined],
    ]);
  });

  it('says outside text as data: no control sequence reaches the screen or the record', () => {
    const s = service(42, [42], {
      deployments: [deployment(42, { createdAt: T0 })],
      events: [{ id: 'e', createdAt: T0 + 1, message: 'unable to place \u001b]0;PWNED\u0007 task' }],
    });
    const texts = buildTimeline(release, s, []).map((e) => e.text);
    expect(texts.join('\n')).toContain('unable to place');
    expect(texts.join('\n')).not.toMatch(/[\u001b\u0007]/);
  });
});
