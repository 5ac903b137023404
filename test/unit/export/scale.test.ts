import { CANVAS_LIMITS, fitScale } from '@shared/export/scale';
import { describe, expect, it } from 'vitest';

describe('fitScale', () => {
  it('keeps the requested scale when the picture fits', () => {
    expect(fitScale(1200, 800, 3)).toEqual({ scale: 3, clamped: false, pixelWidth: 3600, pixelHeight: 2400 });
  });

  it('lowers the scale of a very wide board to the largest that fits the side limit', () => {
    const fit = fitScale(12_000, 500, 3);
    expect(fit.clamped).toBe(true);
    expect(fit.pixelWidth).toBeLessThanOrEqual(CANVAS_LIMITS.maxSide);
    // The largest: one step more would not fit.
    expect(Math.floor(12_000 * (fit.scale + 0.01))).toBeGreaterThan(CANVAS_LIMITS.maxSide);
    expect(fit.scale).toBe(1.36);
  });

  it('lowers the scale of a large square board to the area limit', () => {
    const limits = { maxSide: 20_000, maxArea: 100_000_000 };
    const fit = fitScale(8000, 8000, 2, limits);
    expect(fit.clamped).toBe(true);
    expect(fit.pixelWidth * fit.pixelHeight).toBeLessThanOrEqual(limits.maxArea);
    expect(fit.scale).toBe(1.25);
  });

  it('never returns a zero scale, even for an absurd board', () => {
    const fit = fitScale(10_000_000, 10, 1);
    expect(fit.scale).toBeGreaterThan(0);
    expect(fit.clamped).toBe(true);
  });
});
