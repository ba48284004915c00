import { Text } from 'ink';
import type { MetricSeries } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { fit } from '../format.js';
import { Rows, placeholder } from '../Rows.js';
import { Sparkline } from '../Sparkline.js';
import { theme } from '../theme.js';
import { num, valueWithUnit } from '../../domain/units.js';
import { currentOf, overThreshold } from '../../domain/health/thresholds.js';
import { differsAt, fitName } from '../alarmNames.js';
import { seriesLabels } from '../metricLabels.js';

export interface MetricsPaneProps {
  metrics: Slice<MetricSeries[]>;
  width: number;
  height: number;
  ascii?: boolean;
}

/** `[412 ms, < 500, 1.6x base]`: the columns right of the sparkline. */
function summary(m: MetricSeries): string[] {
  const v = currentOf(m);
  const ratio = v !== undefined && m.baseline !== undefined && m.baseline > 0 ? v / m.baseline : undefined;
  return [
    v === undefined ? 'no data' : valueWithUnit(v, m.unit),
    m.threshold === undefined ? '' : `< ${num(m.threshold)}`,
    ratio === undefined ? '' : `${ratio.toFixed(1)}x base`,
  ];
}

/** Pads each column to its widest cell (value right-aligned) so rows line up. */
function alignColumns(cells: string[][]): string[] {
  const widths = [0, 1, 2].map((c) => Math.max(...cells.map((r) => r[c]!.length)));
  return cells.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

const SPARK_MIN = 4;

/** One row per series; the sparkline takes whatever width the label and numbers leave. */
export function MetricsPane({ metrics, width, height, ascii = false }: MetricsPaneProps) {
  const empty = placeholder(metrics);
  if (empty !== undefined || !metrics.data) return <Rows rows={[empty]} width={width} height={height} />;
  if (metrics.data.length === 0) return <Rows rows={['no metrics configured']} width={width} height={height} />;
  const series = metrics.data.slice(0, Math.max(0, height));
  // Cut where the labels differ (`p99 api-tg`, `p99 web-tg`), not where they agree.
  const labels = seriesLabels(series);
  const at = differsAt(labels);
  const labelW = Math.min(16, Math.max(...labels.map((l) => l.length)));
  const sums = alignColumns(series.map(summary));
  const sumW = Math.max(...sums.map((s) => s.length));
  // Marker, label, spaces either side of the sparkline: the rest is the sparkline's.
  const sparkW = width - 2 - labelW - 2 - sumW;
  const rows = series.map((m, i) => {
    const bad = overThreshold(m);
    const color = bad ? theme.bad : undefined;
    return (
      <Text color={color} bold={bad}>
        {bad ? '!' : ' '} {fit(fitName(labels[i]!, labelW, at[i]!), labelW)}{' '}
        {sparkW >= SPARK_MIN && (
          <>
            <Sparkline
              values={m.points.map((p) => p.v)}
              width={sparkW}
              color={color ?? theme.accent}
              ascii={ascii}
            />{' '}
          </>
        )}
        {sums[i]}
      </Text>
    );
  });
  return <Rows rows={rows} width={width} height={height} />;
}
