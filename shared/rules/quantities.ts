/**
 * Finds back-of-the-envelope figures in free text: "40/s", "4k QPS",
 * "4,000 reads/s", "3 TB", "100M", "1.5B", "200 MB/s", "1 Gbps".
 *
 * Conventions (documented because notes are ambiguous):
 * - a multiplier straight after the number or after one space is a count
 *   suffix ("100M", "1.5B", "4k", "4 k qps"); "B" is bytes after a space
 *   ("500 B") or where the context is a size ("500B per record"), else billions;
 * - "1,5" is a decimal comma, "1,500" a thousands separator; "1e8" and "10^8" are read;
 * - units may be spelled out ("3 terabytes"); a rate is per second ("/s", "per second",
 *   "a second", "QPS") or per minute (divided by 60);
 * - "1-10 TB", "2–3k QPS" and "between 2 and 5 TB" are ranges;
 * - byte units are decimal (1 KB = 1,000 B): estimates are orders of magnitude;
 * - a rate counts only per second ("/s", "per second", "QPS", "RPS", "TPS"),
 *   so restating "100M URLs/month" from the brief is not an estimate of QPS.
 */

/** Estimate quantities: a rate per second, a size, a bandwidth, or a plain count (e.g. concurrent connections). */
export const QUANTITIES = ['qps', 'storage', 'bandwidth', 'count'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/**
 * One figure found in text, in base units: per second (qps), bytes (storage)
 * or bytes per second (bandwidth). A range ("1-10 TB", "between 2 and 5k/s")
 * is one figure with `low` < `high`; `value` is then their geometric mean.
 */
export interface Figure {
  readonly quantity: Quantity;
  readonly value: number;
  readonly low: number;
  readonly high: number;
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
const SPELLED_PREFIX: Readonly<Record<string, string>> = { kilo: 'k', mega: 'm', giga: 'g', tera: 't', peta: 'p', exa: 'e' };

// A number (thousands separators, decimal point or comma, scientific notation), an optional
// count suffix (attached, or after one space except "B", which is then bytes: "4k", "4 k", "500 B"),
// an optional spelled-out multiplier.
const FIGURE =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+,\d{1,2}(?![\d])|\d+)(?:e(\d{1,2})|\^(\d{1,2}))?(?:(?:(k|m|mn|b|bn|t)|\s(k|m|mn|bn))(?![\p{L}\p{N}]))?(?:\s*(thousand|million|mil|billion|bn|trillion)(?![\p{L}\p{N}]))?/giu;
const GLUED = /[\p{L}\p{N}.,]/u;
const BYTES = /\s*(?:([kmgtpe])i?b|(kilo|mega|giga|tera|peta|exa)?bytes?)(?![\p{L}\p{N}])/iuy;
const LONE_BYTE = /\s+B(?![\p{L}\p{N}])/uy;
const BITS_PER_SECOND = /\s*([kmgt])?(?:bps|bit\/s|bits per second)(?![\p{L}\p{N}])/iuy;
const PER = /\s*(?:\/\s*(s|sec|second|min|minute)|(?:per|an?|each|every)\s+(s|sec|second|min|minute)|(p)s)(?![\p{L}\p{N}])/iuy;
const RATE_WORD = /\s*(?:qps|rps|tps|ops|req\/s|requests\/s|msgs?\/s)(?![\p{L}\p{N}])/iuy;
// Nouns between a count and its rate: "4,000 reads/s", "40 new URLs per second", "~4,000 redirects a second".
const NOUN_THEN_RATE =
  /\s*(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s*(?:\/\s*(s|sec|second|min|minute)|(?:per|an?|each|every)\s+(s|sec|second|min|minute)|qps|rps|tps)(?![\p{L}\p{N}])/iuy;
// A rate named before its number: "read QPS ≈ 4,000", "writes per second: 40".
const RATE_BEFORE = /(?:qps|rps|tps|per\s+second|\/s)\s*(?:[:=≈~]|is|of|about|around|roughly|approx\.?|\s)*$/iu;
// "500B per record", "record size 500B": bytes; "6B URLs": billions.
const BYTES_AFTER = /\s*(?:per|each|\/|a|for each)\s+(?:record|row|entry|url|link|message|object|item|key)|\s*(?:per|each)\b/iuy;
const BYTES_BEFORE = /(?:size|record|row|entry|payload|object|bytes|each|per url|per link)[^.,;\n]{0,20}$/iu;
const RANGE_JOIN = /^\s*(?:-|–|—|to|and)\s*$/iu;

/** Runs a sticky pattern at `at`; no slicing, so long notes stay linear. */
const matchAt = (re: RegExp, text: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(text);
};

interface Parsed {
  quantity: Quantity;
  base: number;
  /** value / base: the multiplier and unit scale a range's bare first number borrows. */
  scale: number;
  bare: boolean;
  index: number;
  end: number;
}

const isMinute = (unit: string | undefined): boolean => unit !== undefined && /^min/i.test(unit);

/** Every figure in `text`, in order. */
export const findFigures = (text: string): Figure[] => {
  const parsed: Parsed[] = [];
  for (const m of text.matchAll(FIGURE)) {
    // Part of a word or version ("abc123", "v1.2"): checked here rather than by a leading lookbehind, which is slow.
    if (m.index > 0 && GLUED.test(text[m.index - 1]!)) continue;
    const digits = m[1]!;
    // "1,5" is a decimal comma; "4,000" a thousands separator.
    const base =
      Number(/^\d+,\d{1,2}$/.test(digits) ? digits.replace(',', '.') : digits.replace(/,/g, '')) *
      (m[2] ? 10 ** Number(m[2]) : 1);
    const raised = m[3] ? base ** Number(m[3]) : base;
    if (!Number.isFinite(raised)) continue;
    let attached = (m[4] ?? m[5])?.toLowerCase();
    const word = m[6]?.toLowerCase();
    let end = m.index + m[0].length;
    // "500B per record": a byte size, not 500 billion.
    if (
      attached === 'b' &&
      word === undefined &&
      (matchAt(BYTES_AFTER, text, end) || BYTES_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)))
    ) {
      attached = undefined;
      end -= 1;
    }
    let count = raised * (attached ? COUNT_SUFFIX[attached]! : 1) * (word ? COUNT_SUFFIX[word]! : 1);
    let quantity: Quantity = 'count';
    const bytes =
      matchAt(BYTES, text, end) ?? (attached === undefined && word === undefined ? matchAt(LONE_BYTE, text, end) : null);
    const bits = matchAt(BITS_PER_SECOND, text, end);
    if (bits) {
      quantity = 'bandwidth';
      count = (count * BYTE_PREFIX[(bits[1] ?? '').toLowerCase()]!) / 8;
      end += bits[0].length;
    } else if (bytes) {
      const prefix = bytes[1] ?? SPELLED_PREFIX[(bytes[2] ?? '').toLowerCase()] ?? '';
      count *= BYTE_PREFIX[prefix.toLowerCase()]!;
      end += bytes[0].length;
      const rate = matchAt(PER, text, end);
      quantity = rate ? 'bandwidth' : 'storage';
      if (rate) {
        end += rate[0].length;
        if (isMinute(rate[1] ?? rate[2])) count /= 60;
      }
    } else {
      const rate = matchAt(PER, text, end) ?? matchAt(RATE_WORD, text, end) ?? matchAt(NOUN_THEN_RATE, text, end);
      if (rate) {
        quantity = 'qps';
        end += rate[0].length;
        if (isMinute(rate[1] ?? rate[2])) count /= 60;
      } else if (RATE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) quantity = 'qps';
    }
    parsed.push({
      quantity,
      base: raised,
      scale: raised === 0 ? 1 : count / raised,
      bare: count === raised,
      index: m.index,
      end,
    });
  }
  return joinRanges(text, parsed);
};

/** "1-10 TB", "2–3k QPS", "between 2 and 5 TB": a bare number joined to the figure after it is the range's low end, in its unit. */
const joinRanges = (text: string, parsed: readonly Parsed[]): Figure[] => {
  const out: Figure[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const a = parsed[i]!;
    const b = parsed[i + 1];
    const between = b ? text.slice(a.end, b.index) : '';
    const isAnd = /and/i.test(between);
    if (
      b &&
      b.quantity !== 'count' &&
      (a.quantity === 'count' ? a.bare : a.quantity === b.quantity) &&
      RANGE_JOIN.test(between) &&
      (!isAnd || /between\s*$/i.test(text.slice(Math.max(0, a.index - 9), a.index)))
    ) {
      const low = a.quantity === 'count' ? a.base * b.scale : a.base * a.scale;
      const high = b.base * b.scale;
      if (low > 0 && low < high) {
        out.push(figure(text, b.quantity, Math.min(low, high), Math.max(low, high), a.index, b.end));
        i++;
        continue;
      }
    }
    const v = a.base * a.scale;
    out.push(figure(text, a.quantity, v, v, a.index, a.end));
  }
  return out;
};

const figure = (text: string, quantity: Quantity, low: number, high: number, index: number, end: number): Figure => ({
  quantity,
  value: low === high ? low : Math.sqrt(low * high),
  low,
  high,
  index,
  length: end - index,
  text: text.slice(index, end),
});

/** Parses a rubric's expected figure ("40/s", "3 TB", "10M"): exactly one figure (a count only when nothing else is written). */
export const parseExpected = (text: string): Figure | null => {
  const figures = findFigures(text);
  const measured = figures.filter((f) => f.quantity !== 'count');
  if (measured.length === 1) return measured[0]!;
  return measured.length === 0 && figures.length === 1 ? figures[0]! : null;
};

/** "4,000/s", "3 TB", "25 MB/s": a base-unit value written back for people. */
const THREE_DIGITS = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

export const formatFigure = (quantity: Quantity, value: number): string => {
  const compact = (v: number, units: readonly [number, string][]): string => {
    for (const [size, unit] of units) if (v >= size) return `${THREE_DIGITS.format(v / size)}${unit}`;
    return THREE_DIGITS.format(v);
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
  if (quantity === 'count')
    return compact(value, [
      [1e9, 'B'],
      [1e6, 'M'],
      [1e3, 'k'],
    ]);
  if (quantity === 'storage') return compact(value, bytes);
  return `${compact(value, bytes)}/s`;
};
