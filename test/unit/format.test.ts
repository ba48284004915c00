import { describe, expect, test } from 'vitest';
import { age, ago, duration, fit, firstLine, hms, int, money, moneyRange, truncate } from '../../src/ui/format.js';
import { num, valueWithUnit } from '../../src/domain/units.js';
import { clock } from '../../src/domain/releaseClock.js';

describe('duration', () => {
  test.each([
    [0, '0s'],
    [-5000, '0s'],
    [59_999, '59s'],
    [192_000, '3m12s'],
    [3_600_000 + 4 * 60_000 + 59_000, '1h04m'],
    [47 * 3_600_000, '47h00m'],
    [50 * 3_600_000, '2d02h'],
  ])('%i ms → %s', (ms, text) => expect(duration(ms)).toBe(text));

  test.each([
    [59_999, '59s'],
    [60_000, '1m'],
    [192_000, '3m'],
    [3_599_999, '59m'],
    [3_840_000, '1h04m'],
  ])('an age of %i ms reads %s: seconds for the first minute, then minutes', (ms, text) => expect(age(ms)).toBe(text));

  test('ago is relative to now and never negative', () => {
    expect(ago(1_000, 13_000)).toBe('12s ago');
    expect(ago(20_000, 13_000)).toBe('0s ago');
  });
});

describe('clock', () => {
  test.each([
    [0, 'T+00:00'],
    [252_000, 'T+04:12'],
    [3_852_000, 'T+1:04:12'],
    [-30_000, 'T-00:30'],
  ])('%i ms → %s', (ms, text) => expect(clock(ms)).toBe(text));
});

test('hms is UTC so it matches aws logs tail', () => {
  expect(hms(Date.UTC(2025, 0, 15, 3, 4, 5, 999))).toBe('03:04:05');
});

describe('money and numbers', () => {
  test('money', () => {
    expect(money(1.62)).toBe('$1.62');
    expect(money(1234.5)).toBe('$1,234.50');
    expect(money(-0.1)).toBe('-$0.10');
    expect(money(1.6, 'EUR')).toBe('1.60 EUR');
  });
  test('moneyRange names the currency once', () => {
    expect(moneyRange(1.5, 2)).toBe('$1.50–2.00');
    expect(moneyRange(1.5, 2, 'EUR', '-')).toBe('1.50-2.00 EUR');
  });
  test('int groups thousands', () => expect(int(10_000)).toBe('10,000'));
  test.each([
    [412.4, '412'],
    [23.44, '23.4'],
    [1.6, '1.6'],
    [0, '0'],
    [0.0512, '0.051'],
    [12_345, '12.3k'],
    [4_100_000, '4.1M'],
    [NaN, '-'],
  ])('num(%d) → %s', (n, text) => expect(num(n)).toBe(text));
  test('units: CloudWatch names and short names', () => {
    expect(valueWithUnit(412, 'ms')).toBe('412 ms');
    expect(valueWithUnit(412, 'Milliseconds')).toBe('412 ms');
    expect(valueWithUnit(23.4, 'Percent')).toBe('23.4%');
    expect(valueWithUnit(7, 'Count')).toBe('7');
    expect(valueWithUnit(7, 'Bytes')).toBe('7 Bytes');
  });
});

describe('text', () => {
  test('truncate adds an ellipsis only when it cuts', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 0)).toBe('');
  });
  test('truncate never splits a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
  test('fit pads or cuts to the exact width', () => {
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('abcdef', 4)).toBe('abc…');
  });
  test('firstLine', () => expect(firstLine('one\ntwo')).toBe('one'));
});

describe('widths in terminal columns', () => {
  test('wide characters count two columns, so a row never overflows its pane', () => {
    expect(truncate('日本語テキスト', 5)).toBe('日本…');
    expect(fit('日本', 6)).toBe('日本  ');
    expect(fit('日本語テキスト', 6)).toBe('日本… ');
  });
});
