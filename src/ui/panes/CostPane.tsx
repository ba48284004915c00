import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { CostSummary, DailyCost } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { money, moneyRange } from '../format.js';
import { Rows, placeholder } from '../Rows.js';
import { glyphs, theme } from '../theme.js';

export interface CostPaneProps {
  cost: Slice<CostSummary>;
  width: number;
  height: number;
  ascii?: boolean;
}

const TOP_SERVICES = 3;

/** Cost Explorer's long names ("Amazon Elastic Container Service") eat a narrow pane. */
const shortService = (s: string): string => s.replace(/^(Amazon|AWS)\s+/, '');

/** The services that cost most over the days shown. */
export function topServices(days: readonly DailyCost[], n = TOP_SERVICES): { service: string; amount: number }[] {
  const sums = new Map<string, number>();
  for (const d of days) for (const s of d.byService) sums.set(s.service, (sums.get(s.service) ?? 0) + s.amount);
  return [...sums]
    .map(([service, amount]) => ({ service, amount }))
    .sort((a, b) => b.amount - a.amount)
    .slice(0, n);
}

/** Today against the expected range, month to date, top services, then one bar per day. */
export function CostPane({ cost, width, height, ascii = false }: CostPaneProps) {
  const empty = placeholder(cost);
  const c = cost.data;
  if (empty !== undefined || !c) return <Rows rows={[empty]} width={width} height={height} />;
  const g = glyphs(ascii);
  const $ = (n: number): string => money(n, c.currency);
  const exp = c.expectedDaily;
  const over = (n: number): boolean => exp !== undefined && n > exp.max;
  const today = c.days.at(-1);
  const rows: ReactNode[] = [];
  if (today) {
    // Today is partial, so under the minimum is normal; only over the maximum is news.
    rows.push(
      <>
        {`${$(today.total)} today`}
        {exp && ` · expected ${moneyRange(exp.min, exp.max, c.currency, g.rangeDash)} `}
        {exp && <Text color={over(today.total) ? theme.bad : theme.ok}>{over(today.total) ? 'OVER' : 'OK'}</Text>}
      </>,
    );
  }
  rows.push(`month ${$(c.monthToDate)}${c.forecastMonth !== undefined ? ` · forecast ${$(c.forecastMonth)}` : ''}`);
  const top = topServices(c.days);
  if (top.length)
    rows.push(
      <Text
        color={theme.dim}
      >{`top ${c.days.length}d ${top.map((t) => `${shortService(t.service)} ${$(t.amount)}`).join(' · ')}`}</Text>,
    );
  // The newest days matter most: when rows run out, the oldest bars go first.
  const days = c.days.slice(-Math.max(0, height - rows.length));
  const peak = Math.max(exp?.max ?? 0, ...days.map((d) => d.total));
  const amounts = days.map((d) => $(d.total));
  const amountW = Math.max(0, ...amounts.map((a) => a.length));
  const barW = Math.max(1, Math.min(24, width - 6 - amountW - 4));
  days.forEach((d, i) => {
    const full = peak > 0 ? Math.round((d.total / peak) * barW) : 0;
    rows.push(
      <>
        <Text color={theme.dim}>{d.date.slice(5)}</Text>{' '}
        <Text color={over(d.total) ? theme.bad : theme.accent}>{g.barFull.repeat(full).padEnd(barW)}</Text>{' '}
        {amounts[i]!.padStart(amountW)}
        {over(d.total) ? ' !' : ''}
      </>,
    );
  });
  return <Rows rows={rows} width={width} height={height} />;
}
