// The boundary: whatever a backend answers, what the app receives holds no control, bidi or invisible
// character, in any field of any read (and the two writes' answers), keys included.
import { describe, expect, it } from 'vitest';
import { sanitizedBackend } from '../../src/app/sanitizedBackend.js';
import type { Backend } from '../../src/domain/backend.js';
import { errorMessage } from '../../src/domain/errors.js';
import { FakeBackend } from '../helpers/fakeBackend.js';

const HOSTILE = 'x\u001b]0;PWNED\u0007\u001b[2J\u009d52;c;AA\u009c\u202eevil\u202c\u200b\u2028\u0008\r\u007fy';
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;

/** Every string anywhere in a value, keys too. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

const answer = { text: HOSTILE, list: [HOSTILE, { deep: HOSTILE }], [HOSTILE]: 1, n: 2 };

/** A backend whose every method answers with hostile text in every shape. */
function hostileBackend(): Backend {
  const fake = new FakeBackend();
  const hostile = async () => structuredClone(answer);
  return Object.assign(fake, {
    target: { cluster: HOSTILE, service: HOSTILE, region: 'us-east-1' },
    getIdentity: hostile,
    getService: hostile,
    getAlarms: hostile,
    getMetrics: hostile,
    getCost: hostile,
    getLogs: hostile,
    rollback: hostile,
    pinImages: hostile,
  }) as unknown as Backend;
}

describe('sanitizedBackend', () => {
  const signal = new AbortController().signal;
  const calls: [string, (b: Backend) => Promise<unknown>][] = [
    ['getIdentity', (b) => b.getIdentity(signal)],
    ['getService', (b) => b.getService(signal)],
    ['getAlarms', (b) => b.getAlarms(signal)],
    ['getMetrics', (b) => b.getMetrics({ releaseStart: 0, loadBalancers: [] }, signal)],
    ['getCost', (b) => b.getCost(signal)],
    ['getLogs', (b) => b.getLogs({}, signal)],
    ['rollback', (b) => b.rollback({} as never)],
    ['pinImages', (b) => b.pinImages({ family: 'web', revision: 1 }, [])],
  ];

  it.each(calls)('%s: no control, bidi or invisible character reaches the app', async (_name, call) => {
    const raw = await call(hostileBackend());
    expect(strings(raw).some((s) => FORBIDDEN.test(s))).toBe(true); // the fake really is hostile
    const clean = await call(sanitizedBackend(hostileBackend()));
    expect(strings(clean).filter((s) => FORBIDDEN.test(s))).toEqual([]);
    expect(strings(clean).join(' ')).toContain('evil'); // text after a bidi override is kept
  });

  it('the target is clean too', () => {
    const b = sanitizedBackend(hostileBackend());
    expect(strings(b.target).filter((s) => FORBIDDEN.test(s))).toEqual([]);
  });

  it('an unchanged answer keeps its identity, so the store does not redraw for it', async () => {
    const fake = new FakeBackend();
    const b = sanitizedBackend(fake);
    expect(await b.getService(signal)).toBe(fake.world.service);
  });

  it("an error's message, as the app shows it, is one clean line", () => {
    expect(errorMessage(new Error(`AccessDenied: ${HOSTILE}\nsecond line`))).not.toMatch(FORBIDDEN);
    expect(errorMessage(HOSTILE)).not.toMatch(FORBIDDEN);
  });
});
