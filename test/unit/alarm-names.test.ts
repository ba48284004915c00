import { describe, expect, test } from 'vitest';
import { alarmLabels, differsAt, fitName, sharedPrefix, widestLabel } from '../../src/ui/alarmNames.js';
import { columns } from '../../src/ui/format.js';

const SERVICE = ['facilitator-production-alb-5xx-high', 'facilitator-production-ecs-cpu-high'];

describe('alarm names told apart', () => {
  test('several alarms sharing the service name: the shared words go, what differs stays at every width', () => {
    const three = [...SERVICE, 'facilitator-production-p99-latency'];
    expect(sharedPrefix(three)).toBe('facilitator-production-');
    expect(alarmLabels(three, 14)).toEqual({
      prefix: 'facilitator-production-',
      labels: ['alb-5xx-high', 'ecs-cpu-high', 'p99-latency'],
    });
    for (const width of [4, 6, 9, 14]) {
      const { labels } = alarmLabels(three, width);
      expect(new Set(labels).size, labels.join(' ')).toBe(3);
      for (const l of labels) expect(columns(l)).toBeLessThanOrEqual(width);
    }
    expect(alarmLabels(three, 5).labels).toEqual(['alb-…', 'ecs-…', 'p99-…']);
  });

  test('the shared start ends on a word boundary: - _ . / space', () => {
    expect(sharedPrefix(['web-p99', 'web-p50'])).toBe('web-');
    expect(sharedPrefix(['svc_a_cpu', 'svc_a_mem'])).toBe('svc_a_');
    expect(sharedPrefix(['prod.web.cpu', 'prod.web.mem'])).toBe('prod.web.');
    expect(sharedPrefix(['team/web/cpu', 'team/web/mem'])).toBe('team/web/');
    expect(sharedPrefix(['Web High CPU', 'Web High Memory'])).toBe('Web High ');
    // "webserver" and "webapp" share "web", which is not a word of either.
    expect(sharedPrefix(['webserver-cpu', 'webapp-cpu'])).toBe('');
  });

  test('one alarm keeps its whole name, cut at the end as before', () => {
    expect(sharedPrefix(['facilitator-production-alb-5xx-high'])).toBe('');
    expect(alarmLabels(['facilitator-production-alb-5xx-high'], 16)).toEqual({
      prefix: '',
      labels: ['facilitator-pro…'],
    });
  });

  test('no common part: names unchanged when they fit, each cut where it still differs', () => {
    expect(alarmLabels(['cpu-high', 'memory-high', '5xx'], 12)).toEqual({
      prefix: '',
      labels: ['cpu-high', 'memory-high', '5xx'],
    });
    expect(alarmLabels(['cpu-high', 'memory-high'], 4).labels).toEqual(['cpu…', 'mem…']);
  });

  test('names that differ only at the end keep their end: after a boundary it is all that is left, within a word the middle goes', () => {
    expect(alarmLabels(['web-latency-p99-over-500ms-3-of-60s', 'web-latency-p99-over-500ms-3-of-30s'], 14)).toEqual({
      prefix: 'web-latency-p99-over-500ms-3-of-',
      labels: ['60s', '30s'],
    });
    expect(alarmLabels(['webalarmnumber1', 'webalarmnumber2'], 6).labels).toEqual(['w…ber1', 'w…ber2']);
    // A name that is the start of another is told apart by where it ends.
    expect(alarmLabels(['cpu-high-sustained', 'cpu-high-sustained-2'], 8).labels).toEqual(['su…ained', 'su…ned-2']);
  });

  test('a name never loses everything to the shared start', () => {
    expect(sharedPrefix(['web', 'web-cpu'])).toBe('');
    expect(sharedPrefix(['web-', 'web-cpu'])).toBe('');
    expect(sharedPrefix(['a-b-', 'a-b-c'])).toBe('a-');
  });

  test('wide characters count two columns and are never split', () => {
    const names = ['決済-サービス-エラー率', '決済-サービス-遅延'];
    expect(alarmLabels(names, 8)).toEqual({ prefix: '決済-サービス-', labels: ['エラー率', '遅延'] });
    const cut = alarmLabels(names, 5).labels;
    expect(cut).toEqual(['エラ…', '遅延']);
    for (const l of cut) expect(columns(l)).toBeLessThanOrEqual(5);
    expect(fitName('🚨🚨🚨🚨-cpu', 5, 4)).toBe('…-cpu');
    expect(fitName('🚨🚨🚨🚨-cpu', 8, 4)).toBe('🚨…-cpu');
    // Two emoji that share their first UTF-16 unit differ at the emoji, not inside it.
    expect(differsAt(['😀-x', '😁-x'])).toEqual([0, 0]);
  });

  test('widestLabel sizes the column from the names without their shared start', () => {
    expect(widestLabel(SERVICE)).toBe('alb-5xx-high'.length);
    expect(widestLabel(['only-one-name'])).toBe('only-one-name'.length);
    expect(widestLabel([])).toBe(0);
  });
});
