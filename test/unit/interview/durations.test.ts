import { customDurations, DEFAULT_DURATIONS, scaleDurations, totalSeconds } from '@shared/interview/durations';
import { describe, expect, it } from 'vitest';

const minutes = (d: readonly number[]) => d.map((s) => s / 60);

describe('durations', () => {
  it('the default plan is 5/5/10/15/5 minutes', () => {
    expect(minutes(DEFAULT_DURATIONS)).toEqual([5, 5, 10, 15, 5]);
  });

  it.each([
    [35, [4.5, 4.5, 8.5, 13, 4.5]],
    [40, [5, 5, 10, 15, 5]],
    [45, [5.5, 5.5, 11.5, 17, 5.5]],
    [60, [7.5, 7.5, 15, 22.5, 7.5]],
  ])('a %i-minute interview keeps the proportions in half minutes and adds up exactly', (total, expected) => {
    const d = scaleDurations(total);
    expect(minutes(d)).toEqual(expected);
    expect(totalSeconds(d)).toBe(total * 60);
  });

  it('custom minutes become seconds, at least one minute per step', () => {
    expect(customDurations([2, 3, 0, 12.5, Number.NaN])).toEqual([120, 180, 60, 750, 60]);
    expect(() => customDurations([1, 2])).toThrow(/expected 5 step lengths/);
  });
});
