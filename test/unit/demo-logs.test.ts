import { describe, expect, it } from 'vitest';
import { createDemoBackend, type ScenarioName } from '../../src/adapters/demo/index.js';
import type { LogEvent } from '../../src/domain/model.js';

const signal = new AbortController().signal;

function demo(scenario: ScenarioName, seed = 3) {
  let wall = 1_764_000_000_000 + 777;
  const backend = createDemoBackend({ scenario, seed, wallClock: () => wall });
  return {
    backend,
    tick(ms: number) {
      wall += ms;
    },
  };
}

const seqs = (events: LogEvent[]) => events.map((e) => Number(e.id));

describe('demo logs', () => {
  it('starts a follow with the last ~50 events, oldest first', async () => {
    const { backend, tick } = demo('bad-release');
    tick(3000);
    const page = await backend.getLogs({}, signal);
    expect(page.events.length).toBe(50);
    expect(page.follow).toEqual({ mode: 'simulated' });
    const ts = page.events.map((e) => e.timestamp);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(ts.at(-1)!).toBeLessThanOrEqual(backend.now());
  });

  it('hands out every event exactly once across calls at irregular intervals', async () => {
    const { backend, tick } = demo('bad-release');
    const all: LogEvent[] = [];
    const gaps = [0, 50, 1, 700, 3000, 10, 0, 12_000, 400, 9_000, 2_500];
    for (const ms of gaps) {
      tick(ms);
      const page = await backend.getLogs({}, signal);
      all.push(...page.events);
    }
    const ids = seqs(all);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(ids.slice(1).every((id, i) => id === ids[i]! + 1)).toBe(true);
    const ts = all.map((e) => e.timestamp);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(all.length).toBeGreaterThan(500);
    // An immediate second call has nothing new.
    expect((await backend.getLogs({}, signal)).events).toEqual([]);
  });

  it('names streams like awslogs does and gives every event a level', async () => {
    const { backend, tick } = demo('bad-release');
    const events: LogEvent[] = [];
    for (let i = 0; i < 20; i++, tick(1000)) events.push(...(await backend.getLogs({}, signal)).events);
    for (const e of events) {
      expect(e.stream).toMatch(/^web\/(web|log-router)\/[0-9a-f]{32}$/);
      expect(['ERROR', 'WARN', 'INFO', 'DEBUG']).toContain(e.level);
    }
    expect(events.some((e) => e.stream.startsWith('web/log-router/'))).toBe(true);
    expect(events.some((e) => /^INFO {2}http GET \/\S+ \d{3} \d+ms/.test(e.message))).toBe(true);
  });

  it('keeps a bounded backlog and resumes a follower that fell behind at the oldest line kept', async () => {
    const { backend, tick } = demo('log-flood');
    const first = await backend.getLogs({}, signal);
    tick(30_000); // ~33,000 lines at 1,100 per wall second, unread
    const stale = await backend.getLogs({}, signal);
    expect(stale.events.length).toBe(20_000);
    const ids = seqs(stale.events);
    expect(ids.slice(1).every((id, i) => id === ids[i]! + 1)).toBe(true);
    expect(ids[0]).toBeGreaterThan(Number(first.events.at(-1)!.id) + 1);
    tick(1000);
    const next = await backend.getLogs({}, signal);
    expect(Number(next.events[0]!.id)).toBe(ids.at(-1)! + 1);
  });

  it('starts each backend at the newest lines: another follower does not share its place', async () => {
    const one = demo('healthy');
    const two = demo('healthy');
    one.tick(5000);
    two.tick(5000);
    const a = await one.backend.getLogs({}, signal);
    expect(a.events).toHaveLength(50);
    expect((await two.backend.getLogs({}, signal)).events).toEqual(a.events);
    expect((await one.backend.getLogs({}, signal)).events).toEqual([]);
  });
});
