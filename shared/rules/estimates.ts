import { byText } from './memo';
import { type Figure, findFigures, formatFigure, type Quantity } from './quantities';
import { allMatches } from './terms';
import { clauseEnd, clauseStart } from './text';
import type { ExpectedEstimate } from './types';

/**
 * Binds figures in the notes to the estimate they are about. A figure counts
 * for an estimate only when that estimate's `about` words are the nearest
 * subject words in its clause ("writes 4,000/s, reads 40/s" binds 4,000 to
 * writes); a nearer `notAbout` word ("cache holds 2 TB") binds it to nothing.
 * A figure with no subject words binds only when the rubric has a single
 * estimate of its quantity, and never for counts (notes are full of them).
 */

export interface BoundFigure {
  readonly figure: Figure;
  /** The estimate id it is about, or null. */
  readonly estimate: string | null;
  /** The replication factor the clause states ("×3", "RF 3", "3 replicas"), or 1. */
  readonly replication: number;
}

// A multiplier counts as replication only beside a word that says so ("× 5 years" is retention).
const REPLICATION = /replicat\w*|replica\w*|\bRF\b|copies|redundan\w*/iu;
const FACTOR =
  /(?:[×x*]\s?|\bRF\s*[=:]?\s*|factor\s*(?:of\s*)?)([2-5])(?![\p{N}])|(?:^|[^\p{L}\p{N}])([2-5])\s?(?:[×x](?![\p{L}])|replicas|copies)/iu;

/** The distance between [aStart, aEnd) and [bStart, bEnd) (0 when they overlap). */
const gap = (aStart: number, aEnd: number, bStart: number, bEnd: number): number =>
  bStart >= aEnd ? bStart - aEnd : bEnd <= aStart ? aStart - bEnd : 0;

/**
 * The nearest distance from [start, end) to a match of `words` that starts inside [from, to), or Infinity.
 * With `others` (the other figures of the clause), a match nearer one of them qualifies that one
 * instead: in "6 billion URLs at 500 bytes each is about 3 TB", "each" is said of the 500 bytes.
 */
const nearest = (
  text: string,
  words: readonly string[] | undefined,
  from: number,
  to: number,
  start: number,
  end: number,
  others: readonly Figure[] = [],
): number => {
  if (!words || words.length === 0) return Number.POSITIVE_INFINITY;
  // The matches of the whole text, found once: a figure only looks at those in its clause.
  const hits = allMatches(text, words);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 2 * lowerBoundPairs(hits, from); i < hits.length && hits[i]! < to; i += 2) {
    const index = hits[i]!;
    const length = hits[i + 1]!;
    const d = gap(start, end, index, index + length);
    if (d < best && !others.some((f) => gap(f.index, f.index + f.length, index, index + length) < d)) best = d;
  }
  return best;
};

/** The estimate whose `about` words come nearest the figure within [from, to), and how near. */
const nearestEstimate = (
  text: string,
  candidates: readonly ExpectedEstimate[],
  from: number,
  to: number,
  start: number,
  end: number,
): { best: ExpectedEstimate | null; distance: number } => {
  let best: ExpectedEstimate | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const e of candidates) {
    const d = nearest(text, e.about, from, to, start, end);
    if (d < distance) {
      best = e;
      distance = d;
    }
  }
  return { best, distance };
};

/**
 * The heading of the line holding `index`, as [from, to): a few words before a
 * colon that precedes it ("Requests:", "Log storage:"), or null. "100:1" and
 * "read:write" are not headings (no space after the colon).
 */
const headingOf = (text: string, index: number): readonly [number, number] | null => {
  const line = text.lastIndexOf('\n', index - 1) + 1;
  const colon = text.indexOf(':', line);
  if (colon < 0 || colon >= index || colon - line > 40 || !/\s/.test(text[colon + 1] ?? '')) return null;
  return /\p{L}/u.test(text.slice(line, colon)) ? [line, colon] : null;
};

/** The first pair of the flat [index, length, …] list whose index is ≥ `from`. */
const lowerBoundPairs = (pairs: readonly number[], from: number): number => {
  let lo = 0;
  let hi = pairs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pairs[2 * mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The figures of the same quantity beside `figures[at]` in its clause [from, to) (figures are in text order). */
const clauseNeighbours = (figures: readonly Figure[], at: number, from: number, to: number): Figure[] => {
  const out: Figure[] = [];
  const { quantity } = figures[at]!;
  for (let k = at - 1; k >= 0 && figures[k]!.index >= from; k--) if (figures[k]!.quantity === quantity) out.push(figures[k]!);
  for (let k = at + 1; k < figures.length && figures[k]!.index < to; k++)
    if (figures[k]!.quantity === quantity) out.push(figures[k]!);
  return out;
};

/** Bindings per rubric's estimates (a map built once per rubric, see score.ts) and text: pure, so kept across calls. */
const bindings = new WeakMap<
  ReadonlyMap<string, ExpectedEstimate>,
  (text: string, compute: () => BoundFigure[]) => BoundFigure[]
>();

/** Every figure of `text` with the estimate it is about; cached per estimates and text. */
export const boundFigures = (text: string, estimates: ReadonlyMap<string, ExpectedEstimate>): BoundFigure[] => {
  let cache = bindings.get(estimates);
  if (!cache) {
    cache = byText<BoundFigure[]>();
    bindings.set(estimates, cache);
  }
  return cache(text, () =>
    bind(
      figuresIn(text, () => findFigures(text)),
      text,
      estimates,
    ),
  );
};

const figuresIn = byText<Figure[]>();

const bind = (figures: readonly Figure[], text: string, estimates: ReadonlyMap<string, ExpectedEstimate>): BoundFigure[] => {
  const byQuantity = new Map<Quantity, ExpectedEstimate[]>();
  for (const e of estimates.values()) {
    const list = byQuantity.get(e.quantity);
    if (list) list.push(e);
    else byQuantity.set(e.quantity, [e]);
  }
  const out: BoundFigure[] = [];
  // Figures of one clause share its replication factor: read it once per clause.
  let clauseFrom = -1;
  let clauseTo = -1;
  let replication = 1;
  for (let at = 0; at < figures.length; at++) {
    const figure = figures[at]!;
    const candidates = byQuantity.get(figure.quantity);
    if (candidates === undefined) continue;
    const start = figure.index;
    const end = figure.index + figure.length;
    const to = clauseEnd(text, end);
    // "doubling at peak (~1.4e5/s)": a figure in brackets is about what the bracket follows.
    const own = clauseStart(text, start);
    const from = text[own - 1] === '(' ? clauseStart(text, own - 1) : own;
    let { best, distance } = nearestEstimate(text, candidates, from, to, start, end);
    // Only a figure with a subject, or the only estimate of its quantity, asks which figure a foreign word qualifies.
    const others = best || candidates.length === 1 ? clauseNeighbours(figures, at, from, to) : [];
    let foreign = best ? nearest(text, best.notAbout, from, to, start, end, others) : Number.POSITIVE_INFINITY;
    const heading = best ? null : headingOf(text, start);
    if (heading) {
      // "Requests: 50M × 8 × 15 = 6e9/day, i.e. ~7e4 per second": the line's heading says what its figures count.
      ({ best, distance } = nearestEstimate(text, candidates, heading[0], heading[1], start, end));
      if (best) foreign = nearest(text, best.notAbout, heading[0], heading[1], start, end);
    }
    let estimate: string | null = null;
    if (best) {
      // "the cache holds 2 TB of storage": a nearer foreign word wins.
      if (distance < foreign) estimate = best.id;
    } else if (
      candidates.length === 1 &&
      nearest(text, candidates[0]!.notAbout, from, to, start, end, others) === Number.POSITIVE_INFINITY
    )
      estimate = candidates[0]!.id;
    if (from !== clauseFrom || to !== clauseTo) {
      clauseFrom = from;
      clauseTo = to;
      const clause = text.slice(from, to);
      replication = 1;
      if (REPLICATION.test(clause)) {
        const f = FACTOR.exec(clause);
        replication = f ? Number(f[1] ?? f[2]) : 3;
      }
    }
    out.push({ figure, estimate, replication });
  }
  return out;
};

/** A range spanning more than this factor is not an estimate ("1 GB – 1 PB"). */
const WIDEST_RANGE = 100;

/** found ÷ (expected × factor), using the range's nearest end. */
const ratioAt = (b: BoundFigure, want: number): number => {
  const { low, high } = b.figure;
  if (low <= want && want <= high) return 1;
  return (want < low ? low : high) / want;
};

const offBy = (r: number): number => Math.max(r, 1 / r);

/**
 * found ÷ expected for a figure (its range's nearest end). When the estimate
 * allows replication and the clause states it, the figure may be with or
 * without it: whichever is closer.
 */
export const ratioOf = (b: BoundFigure, e: ExpectedEstimate): number => {
  const plain = ratioAt(b, e.value);
  if (!e.replication || b.replication === 1) return plain;
  const replicated = ratioAt(b, e.value * b.replication);
  return offBy(replicated) < offBy(plain) ? replicated : plain;
};

/** Whether a bound figure is within the estimate's tolerance. */
export const withinTolerance = (b: BoundFigure, e: ExpectedEstimate): boolean => {
  if (b.figure.high / b.figure.low > WIDEST_RANGE) return false;
  const r = ratioOf(b, e);
  return r >= 1 / e.tolerance && r <= e.tolerance;
};

const TWO_DIGITS = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
const times = (r: number): string => (r >= 10 ? TWO_DIGITS.format(Math.round(r)) : r.toFixed(1).replace(/\.0$/, ''));

/**
 * The candidate-facing sentence for a figure that is off:
 * "Your 40,000 writes/s is 1,000× the ≈40/s the brief implies: check the month → seconds step."
 */
export const offMessage = (b: BoundFigure, e: ExpectedEstimate): string => {
  const r = ratioOf(b, e);
  const rel = r >= 1 ? `${times(r)}× the` : `1/${times(1 / r)} of the`;
  const replicated =
    e.replication && b.replication > 1 && offBy(ratioAt(b, e.value * b.replication)) < offBy(ratioAt(b, e.value));
  const expected = replicated
    ? `${formatFigure(e.quantity, e.value * b.replication)} (×${b.replication} replication)`
    : e.display;
  return `Your ${b.figure.text.trim()} is ${rel} ≈${expected} the brief implies${e.offHint ? `: ${e.offHint}` : ''}.`;
};
