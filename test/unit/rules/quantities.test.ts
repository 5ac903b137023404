import { describe, expect, it } from 'vitest';
import { findFigures, formatFigure } from '../../../shared/rules/quantities';

const one = (text: string) => findFigures(text).map((f) => [f.quantity, f.value]);

describe('findFigures', () => {
  it.each([
    ['40/s', [['qps', 40]]],
    ['4k QPS', [['qps', 4000]]],
    ['4,000 reads/s', [['qps', 4000]]],
    ['40 new URLs per second', [['qps', 40]]],
    ['3 TB', [['storage', 3e12]]],
    ['3TB', [['storage', 3e12]]],
    ['500 B', [['storage', 500]]],
    ['100M', [['count', 1e8]]],
    ['1.5B users', [['count', 1.5e9]]],
    ['2 billion', [['count', 2e9]]],
    ['200 MB/s', [['bandwidth', 2e8]]],
    ['1 Gbps', [['bandwidth', 1.25e8]]],
    ['100M URLs/month', [['count', 1e8]]],
  ])('%s', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it('finds every figure of a worked estimate, in order', () => {
    expect(one('500 B × 100M × 12 × 5 y ≈ 3 TB').map(([q]) => q)).toEqual(['storage', 'count', 'count', 'count', 'storage']);
  });

  it('does not read version numbers or ids as figures', () => {
    expect(one('v1.2 and abc123')).toEqual([]);
  });
});

describe('formatFigure', () => {
  it('writes base units back for people', () => {
    expect(formatFigure('qps', 4000)).toBe('4,000/s');
    expect(formatFigure('storage', 3e12)).toBe('3 TB');
    expect(formatFigure('bandwidth', 2.5e7)).toBe('25 MB/s');
  });
});
