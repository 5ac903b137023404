import {
  formatBandwidth,
  formatBytes,
  formatClock,
  formatCount,
  formatMinutes,
  formatRate,
  parseCount,
} from '@shared/interview/format';
import { describe, expect, it } from 'vitest';

describe('formatting figures', () => {
  it.each([
    [0, '0'],
    [0.456, '0.46'],
    [38.58, '39'],
    [3858, '3.9K'],
    [999_700, '1M'],
    [100e6, '100M'],
    [1.2e9, '1.2B'],
    [3e12, '3T'],
  ])('count %d → %s', (n, s) => expect(formatCount(n)).toBe(s));

  it.each([
    [500, '500 B'],
    [19_290, '19 KB'],
    [1_929_012, '1.9 MB'],
    [3.04e12, '3 TB'],
    [2.5e15, '2.5 PB'],
  ])('bytes %d → %s', (n, s) => expect(formatBytes(n)).toBe(s));

  it('rates end in /s', () => {
    expect(formatRate(3858)).toBe('3.9K/s');
    expect(formatBandwidth(19_290)).toBe('19 KB/s');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it.each([
    [300, '5:00'],
    [299.2, '5:00'],
    [59.01, '1:00'],
    [0, '0:00'],
    [-0.5, '0:00'],
    [-12.5, '−0:12'],
    [-125, '−2:05'],
    [3723, '1:02:03'],
  ])('clock %d → %s', (sec, s) => expect(formatClock(sec)).toBe(s));

  it('minutes for summaries', () => {
    expect(formatMinutes(2700)).toBe('45 min');
    expect(formatMinutes(90)).toBe('1 min 30 s');
    expect(formatMinutes(29.6)).toBe('30 s');
  });
});

describe('parseCount (form input)', () => {
  it.each([
    ['10M', 10e6],
    ['1.5b', 1.5e9],
    ['100,000', 100_000],
    [' 2 k ', 2000],
    ['.5', 0.5],
    ['40', 40],
  ])('%s → %d', (text, n) => expect(parseCount(text)).toBe(n));

  it.each(['', 'ten', '10MB', '1,00', '-5', '1e3'])('rejects %j', (text) => expect(parseCount(text)).toBeNull());

  it('reads back what formatCount writes', () => {
    for (const n of [39, 3900, 1.2e9, 100e6]) expect(parseCount(formatCount(n))).toBe(n);
  });
});
