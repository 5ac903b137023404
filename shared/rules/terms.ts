import { getOrMake } from './memo';
import { type FindOptions, inSense, isNegated, specWord, type TermHit, type TermSpec, termPattern } from './text';
import { lowerBound, type WordIndex, wordIndex, wordsStartingWith } from './wordIndex';

/**
 * Looking terms up in a text through its word index (wordIndex.ts): each
 * synonym is tried, with a sticky copy of its pattern, only where a word
 * starts with its first letters. The result is what a global scan with the
 * combined pattern of termPattern would find — leftmost match, the earlier
 * synonym at a tie, no overlaps — at the cost of a few lookups.
 */

interface Synonym {
  readonly spec: TermSpec;
  /** Matches the synonym exactly at lastIndex. */
  readonly sticky: RegExp;
  /** The lower-case letters every match starts with, or null when the synonym starts with punctuation. */
  readonly literal: string | null;
  /** For a synonym that starts with punctuation: the global pattern to scan with. */
  readonly global: RegExp;
}

const compiled = new Map<string, Omit<Synonym, 'spec'>>();

/** A word of a term: its leading letters or digits, less an ending inflection may change ("store" → "stor"). */
const literalOf = (word: string, inflections: boolean): string | null => {
  const first = /^[\p{L}\p{N}]+/u.exec(word.trim().toLowerCase())?.[0];
  if (!first) return null;
  const whole = word.trim().split(/[\s-]+/)[0]!;
  return inflections && /^[a-z]+$/i.test(whole) && first.length > 3 ? first.replace(/[ey]$/, '') : first;
};

const synonymOf = (spec: TermSpec, inflections: boolean): Synonym => {
  const word = specWord(spec);
  const key = `${inflections ? 'i' : 'x'}\u0000${word}`;
  const c = getOrMake(compiled, key, () => {
    const global = termPattern([word], inflections);
    return { global, sticky: new RegExp(global.source, 'iuy'), literal: literalOf(word, inflections) };
  });
  return { spec, ...c };
};

const lists = new WeakMap<readonly TermSpec[], readonly Synonym[]>();
const exactLists = new WeakMap<readonly TermSpec[], readonly Synonym[]>();
const synonymsOf = (specs: readonly TermSpec[], inflections: boolean): readonly Synonym[] => {
  const cache = inflections ? lists : exactLists;
  let list = cache.get(specs);
  if (!list) {
    list = specs.map((s) => synonymOf(s, inflections));
    cache.set(specs, list);
  }
  return list;
};

/** Where a synonym may match in `idx`'s text, ascending. */
const candidates = (idx: WordIndex, syn: Synonym): readonly number[] => {
  const { text } = idx;
  if (syn.literal !== null) return wordsStartingWith(idx, syn.literal);
  let found = idx.memo.get(syn.global) as number[] | undefined;
  if (!found) {
    found = [];
    syn.global.lastIndex = 0;
    for (let m = syn.global.exec(text); m; m = syn.global.exec(text)) found.push(m.index);
    idx.memo.set(syn.global, found);
  }
  return found;
};

/** Where any synonym of a list may match in a text: offsets ascending and, at a tie, the synonyms in list order. */
interface Candidates {
  readonly at: readonly number[];
  /** The synonym of each offset; empty when they all come from one synonym, `only`. */
  readonly synonym: readonly number[];
  readonly only: number;
}

const NO_CANDIDATES: Candidates = { at: [], synonym: [], only: 0 };

/** The lists (each ascending) merged: offsets ascending and, at a tie, the list that comes first. */
const merged = (lists: readonly (readonly number[])[]): Candidates => {
  const at: number[] = [];
  const synonym: number[] = [];
  const next = new Array<number>(lists.length).fill(0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) {
      const i = next[k]!;
      if (i < lists[k]!.length && (best === -1 || lists[k]![i]! < lists[best]![next[best]!]!)) best = k;
    }
    if (best === -1) return { at, synonym, only: -1 };
    at.push(lists[best]![next[best]!]!);
    synonym.push(best);
    next[best]!++;
  }
};

const candidatesOf = (text: string, syns: readonly Synonym[]): Candidates => {
  const idx = wordIndex(text);
  let c = idx.memo.get(syns) as Candidates | undefined;
  if (!c) {
    // Most synonyms do not occur at all, and most terms occur through one synonym: merge only when two do.
    let only = -1;
    let many = false;
    const lists: (readonly number[])[] = new Array(syns.length);
    for (let k = 0; k < syns.length; k++) {
      const list = candidates(idx, syns[k]!);
      lists[k] = list;
      if (list.length > 0) {
        many ||= only !== -1;
        only = k;
      }
    }
    if (only === -1) c = NO_CANDIDATES;
    else if (!many) c = { at: lists[only]!, synonym: NO_CANDIDATES.synonym, only };
    else c = merged(lists);
    idx.memo.set(syns, c);
  }
  return c;
};

/**
 * Where any of `synonyms` may start in `text` (ascending, possibly
 * repeated): a superset of the matches, for skipping the sentences that
 * cannot mention a term.
 */
export const candidatePositions = (text: string, synonyms: readonly TermSpec[], inflections: boolean): readonly number[] =>
  text === '' || synonyms.length === 0 ? [] : candidatesOf(text, synonymsOf(synonyms, inflections)).at;

const allKeys = new WeakMap<readonly Synonym[], object>();
/** Every match of `synonyms` in `text` as [index, length] pairs, flat, as one scan from the start finds them; cached per text. */
export const allMatches = (text: string, synonyms: readonly TermSpec[], inflections = true): readonly number[] => {
  if (text === '' || synonyms.length === 0) return [];
  const syns = synonymsOf(synonyms, inflections);
  let key = allKeys.get(syns);
  if (!key) {
    key = {};
    allKeys.set(syns, key);
  }
  const idx = wordIndex(text);
  let found = idx.memo.get(key) as number[] | undefined;
  if (!found) {
    const out: number[] = [];
    forEachMatch(text, synonyms, inflections, 0, text.length, (index, length) => {
      out.push(index, length);
      return false;
    });
    idx.memo.set(key, out);
    found = out;
  }
  return found;
};

/**
 * Calls `visit` with every match of any of `synonyms` that starts in
 * [from, to), leftmost first, earlier synonym first at a tie, never
 * overlapping a match already visited; stops when `visit` returns true.
 */
export const forEachMatch = (
  text: string,
  synonyms: readonly TermSpec[],
  inflections: boolean,
  from: number,
  to: number,
  visit: (index: number, length: number, spec: TermSpec) => boolean,
): void => {
  if (text === '' || synonyms.length === 0) return;
  const syns = synonymsOf(synonyms, inflections);
  const { at, synonym, only } = candidatesOf(text, syns);
  let end = from;
  for (let i = lowerBound(at, from); i < at.length && at[i]! < to; ) {
    const pos = at[i]!;
    if (pos < end) {
      i++;
      continue;
    }
    // The synonyms that may start here, in list order: the first that matches is the match.
    let matched = false;
    for (; i < at.length && at[i] === pos; i++) {
      if (matched) continue;
      const syn = syns[only >= 0 ? only : synonym[i]!]!;
      syn.sticky.lastIndex = pos;
      const m = syn.sticky.exec(text);
      if (!m) continue;
      matched = true;
      end = pos + m[0].length;
      if (visit(pos, m[0].length, syn.spec)) return;
    }
  }
};

/**
 * The earliest place `text` mentions any of `synonyms` in the sense meant and
 * not negated (unless allowed), or null. With `from`/`to`, only that part of
 * the text is read (one sentence): a hit must lie inside it, and nothing
 * outside it negates or qualifies the hit.
 * @example findTerm('we will not shard', ['shard']) // null: negated
 */
export const findTerm = (
  text: string,
  synonyms: readonly TermSpec[],
  options: FindOptions = {},
  from = 0,
  to = text.length,
): TermHit | null => {
  let hit: TermHit | null = null;
  forEachMatch(text, synonyms, !options.exact, from, to, (index, length, spec) => {
    if (index + length > to || !inSense(text, index, length, spec, from, to)) return false;
    if (!options.allowNegated && isNegated(text, index, from)) return false;
    if (options.where && !options.where(index, length)) return false;
    hit = { index, length };
    return true;
  });
  return hit;
};

const singles = new Map<string, readonly TermSpec[]>();
const singleObjects = new WeakMap<object, readonly TermSpec[]>();
/** A term as a list of synonyms, the same list object every time (so its compiled form is cached). */
export const asSynonyms = (term: TermSpec | readonly TermSpec[]): readonly TermSpec[] => {
  if (Array.isArray(term)) return term;
  const spec = term as TermSpec;
  const cached = typeof spec === 'string' ? singles.get(spec) : singleObjects.get(spec);
  if (cached) return cached;
  const list = [spec];
  if (typeof spec === 'string') singles.set(spec, list);
  else singleObjects.set(spec, list);
  return list;
};

/** The sentence (its number in `bounds`, see sentencesIn) holding offset `p`, which lies in one. */
export const sentenceAt = (bounds: readonly number[], p: number): number => {
  let lo = 0;
  let hi = bounds.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bounds[2 * mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** The sentences (ascending) in which at least `need` of the terms may occur, judged by where their first letters occur. */
export const sentencesWith = (
  text: string,
  bounds: readonly number[],
  terms: readonly (TermSpec | TermSpec[])[],
  need: number,
  inflections: boolean,
): number[] => {
  const count = new Map<number, number>();
  for (const t of terms) {
    let last = -1;
    for (const p of candidatePositions(text, asSynonyms(t), inflections)) {
      const s = sentenceAt(bounds, p);
      if (s !== last) count.set(s, (count.get(s) ?? 0) + 1);
      last = s;
    }
  }
  return [...count]
    .filter(([, n]) => n >= need)
    .map(([s]) => s)
    .sort((a, b) => a - b);
};
