import {
  computeEstimates,
  DEFAULT_ESTIMATE_INPUT,
  type EstimateInput,
  estimate,
  estimatesToNotes,
} from '@shared/interview/estimates';
import { findFigures } from '@shared/rules/quantities';
import { describe, expect, it } from 'vitest';

/** The URL shortener of the course material: 100M new URLs a month, 100:1 reads, 500 bytes, 5 years. */
const urlShortener: EstimateInput = { ...DEFAULT_ESTIMATE_INPUT, mode: 'writesPerMonth', replication: 1, peakFactor: 2 };

describe('back-of-the-envelope calculator', () => {
  it('100M writes a month ≈ 40 writes/s (38.6)', () => {
    expect(computeEstimates(urlShortener).writeQps).toBeCloseTo(38.58, 2);
  });

  it('at 100:1, ≈ 4,000 reads/s', () => {
    const r = computeEstimates(urlShortener);
    expect(r.readQps).toBeCloseTo(3858, 0);
    expect(r.totalQps).toBeCloseTo(3896.6, 0);
    expect(r.peakQps).toBeCloseTo(7793.2, 0);
  });

  it('500 bytes × 100M × 12 × 5 years ≈ 3 TB; replication multiplies it', () => {
    expect(computeEstimates(urlShortener).storageBytes).toBe(3e12);
    expect(computeEstimates({ ...urlShortener, replication: 3 }).storageBytes).toBe(9e12);
  });

  it('bandwidth is QPS × record size; servers = ⌈peak / QPS per server⌉', () => {
    const r = computeEstimates({ ...urlShortener, qpsPerServer: 1000, peakFactor: 3 });
    expect(r.ingressBytesPerSec).toBeCloseTo(19_290, 0);
    expect(r.egressBytesPerSec).toBeCloseTo(1_929_012, 0);
    expect(r.servers).toBe(12);
  });

  it('DAU mode: DAU × requests / 86,400, split by the read:write ratio', () => {
    const r = computeEstimates({
      ...DEFAULT_ESTIMATE_INPUT,
      mode: 'dau',
      dau: 8_640_000,
      requestsPerUserPerDay: 11,
      readsPerWrite: 10,
      recordBytes: 1000,
      retentionYears: 1,
    });
    expect(r.totalQps).toBeCloseTo(1100);
    expect(r.writeQps).toBeCloseTo(100);
    expect(r.readQps).toBeCloseTo(1000);
    expect(r.storageBytes).toBeCloseTo(100 * 86_400 * 365 * 1000);
  });

  it('no traffic needs no servers', () => {
    expect(computeEstimates({ ...urlShortener, writesPerMonth: 0 }).servers).toBe(0);
  });

  it('rejects bad form input with one line naming the field', () => {
    expect(estimate({ ...urlShortener, qpsPerServer: 0 })).toEqual({ ok: false, error: 'qpsPerServer: must be more than 0' });
    expect(estimate({ ...urlShortener, dau: -1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^dau: /) });
    expect(estimate({ ...urlShortener, recordBytes: Number.NaN }).ok).toBe(false);
    expect(estimate(urlShortener).ok).toBe(true);
  });

  describe('notes text', () => {
    const text = estimatesToNotes(computeEstimates({ ...urlShortener, replication: 3 }));

    it('reads like an interview answer, with units', () => {
      expect(text).toContain('Write QPS ≈ 39/s');
      expect(text).toContain('Read QPS ≈ 3.9K/s');
      expect(text).toContain('Storage ≈ 9 TB');
      expect(text).toContain('100M writes per month');
      expect(text).toMatch(/Servers ≈ \d+$/m);
    });

    it('the rules engine’s notes parser reads back the same figures, and no stray rates or sizes', () => {
      const figures = findFigures(text).filter((f) => f.quantity !== 'count');
      const qps = figures.filter((f) => f.quantity === 'qps').map((f) => f.value);
      expect(qps).toEqual([39, 3900, 3900, 7800]);
      expect(figures.filter((f) => f.quantity === 'storage').map((f) => f.value)).toEqual([500, 9e12]);
      expect(figures.filter((f) => f.quantity === 'bandwidth').map((f) => f.value)).toEqual([19_000, 1_900_000]);
    });

    it('DAU mode names its inputs', () => {
      const dau = estimatesToNotes(computeEstimates({ ...DEFAULT_ESTIMATE_INPUT, mode: 'dau' }));
      expect(dau).toContain('10M DAU × 10 requests per user per day');
    });
  });
});
