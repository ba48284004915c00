// The list views' rows and the header's verdict text, as pure functions of the data.
import { describe, expect, it } from 'vitest';
import type { ReleaseEvidence } from '../../src/domain/health/releaseEvidence.js';
import type { MetricJudgement } from '../../src/domain/health/metricVerdict.js';
import { diffTaskDefs } from '../../src/domain/taskdefDiff.js';
import { diffLineText } from '../../src/ui/detail/diffDetail.js';
import { signaturePattern } from '../../src/ui/detail/signatureDetail.js';
import { seriesLabels } from '../../src/ui/metricLabels.js';
import { baselineLine, signatureRow } from '../../src/ui/views/signatureRows.js';
import { taskRows } from '../../src/ui/views/taskRows.js';
import { metricRow } from '../../src/ui/views/verdictRows.js';
import { headerVerdict } from '../../src/ui/views/verdictText.js';
import { DIFFERING, TARGETS, TASKS, T0 } from '../helpers/releaseWorld.js';
import { service } from '../helpers/service.js';

const evidence = (reasons: string[]): ReleaseEvidence => ({ outcome: 'FAIL', reasons, metrics: [], beside: [] });

describe('headerVerdict', () => {
  const e = evidence(['p99 1197 ms vs 173 ms baseline (6.9x, p<0.001)']);
  it('says the outcome and as much of the first reason as the room holds', () => {
    expect(headerVerdict(e, 60)).toEqual({
      label: 'verdict ',
      outcome: 'FAIL',
      reason: ': p99 1197 ms vs 173 ms baseline (6.9x, p<0.001)',
    });
    expect(headerVerdict(e, 30)).toEqual({ label: 'verdict ', outcome: 'FAIL', reason: ': p99 1197 ms vs …' });
  });
  it('drops a reason too short to say anything, then the label; never the outcome word', () => {
    expect(headerVerdict(e, 18)?.reason).toBe('');
    expect(headerVerdict(e, 12)).toEqual({ label: 'verdict ', outcome: 'FAIL', reason: '' });
    expect(headerVerdict(e, 5)).toEqual({ label: '', outcome: 'FAIL', reason: '' });
    expect(headerVerdict(undefined, 80)).toBeUndefined();
  });
});

describe('seriesLabels', () => {
  it("names each series' target group, less the start the groups share; one group or none adds nothing", () => {
    const s = (label: string, targetGroup?: string) => ({ label, targetGroup });
    expect(seriesLabels([s('CPU'), s('p99', 'web-prod-blue'), s('p99', 'web-prod-green')])).toEqual([
      'CPU',
      'p99 blue',
      'p99 green',
    ]);
    expect(seriesLabels([s('p99'), s('5xx')])).toEqual(['p99', '5xx']);
  });
});

describe('metricRow', () => {
  const m: MetricJudgement = {
    id: 'p99@web-tg',
    label: 'p99',
    outcome: 'FAIL',
    critical: true,
    against: 'before',
    releaseMedian: 1197,
    baselineMedian: 173,
    ratio: 6.92,
    p: 0.0004,
    n: { release: 20, baseline: 20 },
    reason: 'p99 1197 ms vs 173 ms baseline (6.9x, p<0.001)',
  };
  const series = [
    { id: 'p99', label: 'p99', unit: 'ms', points: [], targetGroup: 'api-tg' },
    { id: 'p99@web-tg', label: 'p99', unit: 'ms', points: [], targetGroup: 'web-tg' },
  ];
  it('label with its group, outcome (* critical), medians with the unit, ratio, p; keyed by the series id', () => {
    expect(metricRow(m, series)).toEqual({
      key: 'm:p99@web-tg',
      text: 'p99 web-tg     FAIL*           1197 ms vs    173 ms   6.9x p<0.001',
      tone: 'bad',
    });
  });
  it('a metric not compared says why instead of numbers', () => {
    const none = {
      ...m,
      outcome: 'INCONCLUSIVE' as const,
      releaseMedian: undefined,
      reason: 'p99: too few points (2 since T+0, need 5)',
    };
    expect(metricRow(none, series).text).toMatch(/^p99 web-tg +INCONCLUSIVE\* p99: too few points/);
  });
});

describe('the signatures rows', () => {
  const row = {
    id: 3,
    template: 'pq: sorry, too many clients already',
    example: 'pq: sorry, too many clients already',
    before: 0,
    after: 1212,
    ratePerMinBefore: 0,
    ratePerMinAfter: 10.6,
    firstSeen: T0 + 60_000,
    lastSeen: T0 + 600_000,
    isNew: true,
  };
  it('NEW, after, before, rate per minute before → after, first seen age, template', () => {
    expect(signatureRow(row, T0 + 240_000).text).toBe(
      'NEW  1,212      0     0 → 10.6    3m ago pq: sorry, too many clients already',
    );
    expect(signatureRow({ ...row, isNew: false, before: 4 }, T0 + 240_000).text.startsWith('     1,212      4')).toBe(
      true,
    );
  });
  it('the baseline line: loading, loaded from when, cut at its budget, failed', () => {
    expect(baselineLine({ status: 'loading' }).text).toBe('baseline: reading the logs before T+0…');
    expect(baselineLine({ status: 'loaded', events: 4210, from: Date.UTC(2026, 0, 1, 13, 2) }).text).toBe(
      'baseline: 4,210 events from 13:02 UTC',
    );
    const cut = baselineLine({ status: 'loaded', events: 5000, truncated: true });
    expect(cut).toEqual({
      text: 'baseline: 5,000 events · cut at 5,000 events: a "new" one may be older',
      tone: 'warn',
    });
    expect(baselineLine({ status: 'failed', error: 'AccessDenied' }).text).toMatch(/^baseline: failed: AccessDenied/);
  });
  it('the filter pattern quotes the first plain words, skipping placeholders', () => {
    expect(signaturePattern('pq: sorry, too many clients already')).toBe('"pq: sorry, too many clients"');
    expect(signaturePattern('<num> upstream timeout after <dur> req=<*>')).toBe('"upstream timeout after"');
    expect(signaturePattern('<num> <*>')).toBeUndefined();
  });
});

describe('taskRows', () => {
  const ok = <T>(data: T) => ({ data, status: 'ok' as const });
  it('target groups with counts and each target not healthy first, then the tasks, a stopped one with why', () => {
    const rows = taskRows({ tasks: ok(TASKS), targets: ok(TARGETS) }, T0 + 300_000);
    const texts = rows.map((r) => r.text);
    expect(texts.slice(0, 4)).toEqual([
      'Target groups',
      'api-tg  1 healthy · 1 unhealthy',
      '  10.0.2.9:8080   unhealthy   us-east-1b Target.ResponseCodeMismatch: Health checks failed with these codes: [502]',
      'web-tg  1 healthy',
    ]);
    expect(rows[4]!.text).toBe('Tasks · 2');
    expect(texts[6]).toBe('0f3c1a2b web:42     us-east-1a  RUNNING      HEALTHY      4m ago  23%  41%');
    expect(texts[7]).toMatch(
      /^7a8f7edf web:42 .* STOPPED .* EssentialContainerExited: Essential container in task exited$/,
    );
    expect(rows.filter((r) => r.key).map((r) => r.key!.slice(0, 2))).toEqual(['g:', 'x:', 'g:', 't:', 't:']);
  });
  it('a service behind no load balancer says so instead of waiting for target health', () => {
    const rows = taskRows({ tasks: ok(TASKS), targets: { status: 'idle' }, service: service(42, [42]) }, T0);
    expect(rows[1]!.text).toBe('none: the service is not behind a load balancer');
  });
});

describe('diffLineText', () => {
  it('every difference as `container field: from → to`, secret-looking values masked', () => {
    const lines = diffTaskDefs(DIFFERING.current, DIFFERING.target).lines.map(diffLineText);
    expect(lines).toContain('web env LOG_LEVEL: debug → info');
    expect(lines).toContain('web env API_TOKEN: •••••• → •••••• (changed)');
    expect(lines).toContain('web memory: 512 → 1024');
  });
});
