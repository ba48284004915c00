// Series labels told apart: a service behind several target groups has one p99 (5xx, requests…)
// per group, which would all read `p99`. Each such series is labelled with its group, less the
// start all the groups share (`web-prod-blue`, `web-prod-green` → `p99 blue`, `p99 green`).
import type { MetricSeries } from '../domain/model.js';
import { sharedPrefix } from './alarmNames.js';

export function seriesLabels(series: readonly Pick<MetricSeries, 'label' | 'targetGroup'>[]): string[] {
  const groups = [...new Set(series.flatMap((m) => (m.targetGroup ? [m.targetGroup] : [])))];
  const prefix = sharedPrefix(groups);
  return series.map((m) => (m.targetGroup ? `${m.label} ${m.targetGroup.slice(prefix.length)}` : m.label));
}

/** One series' label among the others it is shown with (the verdict view's rows, a metric's detail). */
export function seriesLabel(id: string, all: readonly MetricSeries[] | undefined, fallback: string): string {
  const list = all ?? [];
  const i = list.findIndex((m) => m.id === id);
  return i < 0 ? fallback : seriesLabels(list)[i]!;
}
