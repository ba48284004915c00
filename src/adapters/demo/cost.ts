// Cost Explorer's view of the demo account: a small Fargate service costing about $1.80 a day.
import type { CostSummary, DailyCost } from '../../domain/model.js';
import { jitter, rngAt } from './random.js';

const DAY = 86_400_000;

// Three 0.25 vCPU / 0.5 GB Fargate tasks, one ALB, a handful of alarms and secrets.
const DAILY: [service: string, amount: number][] = [
  ['Amazon Elastic Container Service', 0.89],
  ['Elastic Load Balancing', 0.62],
  ['Amazon CloudWatch', 0.15],
  ['AWS Data Transfer', 0.06],
  ['AWS Secrets Manager', 0.04],
  ['Amazon EC2 Container Registry (ECR)', 0.02],
];

const cents = (v: number) => Math.round(v * 100) / 100;

/** A whole day's cost, a pure function of the seed and the day so every call agrees. */
function fullDay(seed: number, day: number): DailyCost['byService'] {
  const rng = rngAt(seed, 0xc057, day);
  return DAILY.map(([service, amount]) => ({ service, amount: cents(amount * (1 + jitter(rng, 0.06))) }));
}

function dailyCost(seed: number, day: number, fraction: number): DailyCost {
  const byService = fullDay(seed, day).map((s) => ({ service: s.service, amount: cents(s.amount * fraction) }));
  return {
    date: new Date(day * DAY).toISOString().slice(0, 10),
    total: cents(byService.reduce((sum, s) => sum + s.amount, 0)),
    byService,
  };
}

export function costSummary(seed: number, now: number): CostSummary {
  const today = Math.floor(now / DAY);
  // Cost Explorer's "today" is partial: only the hours elapsed so far (UTC) have been billed.
  const fraction = (now - today * DAY) / DAY;
  const days = Array.from({ length: 7 }, (_, i) => dailyCost(seed, today - 6 + i, i === 6 ? fraction : 1));
  const d = new Date(now);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  let monthToDate = 0;
  for (let day = monthStart; day <= today; day++)
    monthToDate += dailyCost(seed, day, day === today ? fraction : 1).total;
  const fullDays = days.slice(0, 6);
  const average = fullDays.reduce((s, x) => s + x.total, 0) / fullDays.length;
  const remaining = daysInMonth - d.getUTCDate() + (1 - fraction);
  return {
    currency: 'USD',
    days,
    monthToDate: cents(monthToDate),
    forecastMonth: cents(monthToDate + average * remaining),
    expectedDaily: { min: 1.5, max: 2.0 },
  };
}
