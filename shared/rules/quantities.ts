/**
 * Finds back-of-the-envelope figures in free text: "40/s", "4k QPS",
 * "4,000 reads/s", "3 TB", "100M", "1.5B", "200 MB/s", "1 Gbps".
 *
 * Conventions (documented because notes are ambiguous):
 * - a multiplier written straight after the number is a count suffix
 *   ("100M", "1.5B", "4k"); "B" after a space is bytes ("500 B");
 * - byte units are decimal (1 KB = 1,000 B): estimates are orders of magnitude;
 * - a rate counts only per second ("/s", "per second", "QPS", "RPS", "TPS"),
 *   so restating "100M URLs/month" from the brief is not an estimate of QPS.
 */

export const QUANTITIES = ['qps', 'storage', 'bandwidth'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** One figure found in text, in base units: per second (qps), bytes (storage) or bytes per second (bandwidth). */
export interface Figure {
  readonly quantity: Quantity | 'count';
  readonly value: number;
  readonly index: number;
  readonly length: number;
  readonly text: string;
}

const COUNT_SUFFIX: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};
const BYTE_PREFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18 };

// number, then optional attached suffix, then optional space + unit words.
const FIGURE =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(k|m|mn|b|bn|t)(?![\p{L}\p{N}]))?(?:\s*(thousand|million|mil|billion|bn|trillion)(?![\p{L}\p{N}]))?/giu;
const GLUED = /[\p{L}\p{N}.,]/u;
const BYTES = /\s*(?:([kmgtpe])i?b|(bytes?))(?![\p{L}\p{N}])/iuy;
const LONE_BYTE = /\s+B(?![\p{L}\p{N}])/uy;
const BITS_PER_SECOND = /\s*([kmgt])?bps(?![\p{L}\p{N}])/iuy;
const PER_SECOND = /\s*(?:\/\s*s(?:ec(?:ond)?)?|per\s+s(?:ec(?:ond)?)?|ps)(?![\p{L}\p{N}])/iuy;
const RATE_WORD = /\s*(?:qps|rps|tps|ops)(?![\p{L}\p{N}])/iuy;
// A noun between a count and its rate: "4,000 reads/s", "40 new URLs per second".
const NOUN_THEN_RATE =
  /\s*(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s*(?:\/\s*s(?:ec(?:ond)?)?|per\s+s(?:ec(?:ond)?)?|qps|rps|tps)(?![\p{L}\p{N}])/iuy;

// A rate named before its number: "read QPS ≈ 4,000", "writes per second: 40".
const RATE_BEFORE = /(?:qps|rps|tps|per\s+second|\/s)\s*(?:[:=≈~]|is|of|about|around|roughly|approx\.?|\s)*$/iu;

/** Runs a sticky pattern at `at`; no slicing, so long notes stay linear. */
const matchAt = (re: RegExp, text: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(text);
};

/** Every figure in `text`, in order. */
export const findFigures = (text: string): Figure[] => {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    // Part of a word or version ("abc123", "v1.2"): checked here rather than by a leading lookbehind, which is slow.
    if (m.index > 0 && GLUED.test(text[m.index - 1]!)) continue;
    const base = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const attached = m[2]?.toLowerCase();
    const word = m[3]?.toLowerCase();
    let count = base * (attached ? COUNT_SUFFIX[attached]! : 1) * (word ? COUNT_SUFFIX[word]! : 1);
    let end = m.index + m[0].length;
    let quantity: Figure['quantity'] = 'count';
    // "3 TB": the attached-suffix branch cannot have eaten a "T" of a byte unit, because it needs a word boundary.
    const bytes =
      matchAt(BYTES, text, end) ?? (attached === undefined && word === undefined ? matchAt(LONE_BYTE, text, end) : null);
    const bits = matchAt(BITS_PER_SECOND, text, end);
    if (bits) {
      quantity = 'bandwidth';
      count = (count * BYTE_PREFIX[(bits[1] ?? '').toLowerCase()]!) / 8;
      end += bits[0].length;
    } else if (bytes) {
      count *= BYTE_PREFIX[(bytes[1] ?? '').toLowerCase()]!;
      end += bytes[0].length;
      const rate = matchAt(PER_SECOND, text, end);
      quantity = rate ? 'bandwidth' : 'storage';
      if (rate) end += rate[0].length;
    } else {
      const rate = matchAt(PER_SECOND, text, end) ?? matchAt(RATE_WORD, text, end) ?? matchAt(NOUN_THEN_RATE, text, end);
      if (rate) {
        quantity = 'qps';
        end += rate[0].length;
      } else if (RATE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) quantity = 'qps';
    }
    out.push({ quantity, value: count, index: m.index, length: end - m.index, text: text.slice(m.index, end) });
  }
  return out;
};

/** Parses a rubric's expected figure ("40/s", "3 TB"): exactly one figure of a rate, size or bandwidth. */
export const parseExpected = (text: string): Figure | null => {
  const figures = findFigures(text).filter((f) => f.quantity !== 'count');
  return figures.length === 1 ? figures[0]! : null;
};

/** "4,000/s", "3 TB", "25 MB/s": a base-unit value written back for people. */
export const formatFigure = (quantity: Quantity, value: number): string => {
  const compact = (v: number, units: readonly [number, string][]): string => {
    for (const [size, unit] of units)
      if (v >= size) return `${(v / size).toLocaleString('en-US', { maximumSignificantDigits: 3 })}${unit}`;
    return v.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  };
  const bytes: [number, string][] = [
    [1e15, ' PB'],
    [1e12, ' TB'],
    [1e9, ' GB'],
    [1e6, ' MB'],
    [1e3, ' KB'],
    [1, ' B'],
  ];
  if (quantity === 'qps') return `${compact(value, [])}/s`;
  if (quantity === 'storage') return compact(value, bytes);
  return `${compact(value, bytes)}/s`;
};
