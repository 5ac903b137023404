import { NOTES_KEPT } from './memo';

/**
 * A text cut into words once, so that looking a term up costs a lookup of
 * the words it can start at rather than a regex scan of the whole notes.
 * Every term the rules look for starts with a letter or digit and matches
 * only at the start of a word (see termPattern), so the words beginning with
 * the term's first letters are the only places it can match; a sticky regex
 * then decides at each of them. Terms that start with punctuation ("/s") are
 * scanned for the old way, once per text.
 */

/** A text and where its words (runs of letters and digits) are. */
export interface WordIndex {
  readonly text: string;
  /** Offset of each word's first character, ascending. */
  readonly starts: readonly number[];
  /** Offset just past each word. */
  readonly ends: readonly number[];
  /** Each word, lower-cased: cut on first use for a long text (most rules only look words up by prefix, see wordAt). */
  readonly words: readonly string[];
  /** Values derived from this text alone (positions per prefix or pattern), kept with it. */
  readonly memo: Map<unknown, unknown>;
}

/** The index's private part: the lower-cased text when it lines up with the text, and the prefix buckets. */
interface Index extends WordIndex {
  /** `text` lower-cased, when that keeps every offset (nearly always); else null and the words are cut one by one. */
  readonly lower: string | null;
  /** The words by their first two characters (see bucketsOf): built on the first prefix lookup. */
  buckets?: Buckets;
}

/** Unit-like words that are ambiguous alone ("MS SQL", "S3") and count only after a number. */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'ms',
  's',
  'sec',
  'kb',
  'mb',
  'gb',
  'tb',
  'pb',
  'k',
  'm',
  'us',
  'µs',
  'ns',
]);

/**
 * Where a number glued to its unit ("200ms", "3TB") splits into two words,
 * so the unit is found as a word of its own; -1 for any other word.
 */
const unitSplit = (lower: string, start: number, end: number): number => {
  let j = start;
  while (j < end && lower.charCodeAt(j) >= 48 && lower.charCodeAt(j) <= 57) j++;
  return j > start && j < end && UNIT_WORDS.has(lower.slice(j, end)) ? j : -1;
};

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Past this many words, prefix lookups go through buckets of words by their first characters instead of a scan. */
const TABLE_FROM = 24;

/** Whether the UTF-16 unit at `i` belongs to a word: ASCII by code, anything else by its Unicode class. */
const inWord = (text: string, code: number, i: number): boolean =>
  code < 128
    ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    : LETTER_OR_DIGIT.test(text.slice(i, code >= 0xd800 && code <= 0xdbff ? i + 2 : i + 1)) ||
      (code >= 0xdc00 && code <= 0xdfff && i > 0 && LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1)));

const build = (text: string): Index => {
  const starts: number[] = [];
  const ends: number[] = [];
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // Lower-casing changed the length (rare letters): cut each word on its own.
    const words: string[] = [];
    for (const m of text.matchAll(WORD)) {
      const word = m[0].toLowerCase();
      const split = unitSplit(word, 0, word.length);
      if (split > 0) {
        starts.push(m.index, m.index + split);
        ends.push(m.index + split, m.index + word.length);
        words.push(word.slice(0, split), word.slice(split));
        continue;
      }
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      words.push(word);
    }
    return { text, starts, ends, words, memo: new Map(), lower: null };
  }
  for (let i = 0; i < text.length; ) {
    if (!inWord(text, text.charCodeAt(i), i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && inWord(text, text.charCodeAt(i), i)) i++;
    const split = lower.charCodeAt(start) <= 57 ? unitSplit(lower, start, i) : -1;
    if (split > 0) {
      starts.push(start, split);
      ends.push(split, i);
      continue;
    }
    starts.push(start);
    ends.push(i);
  }
  // Short texts (labels) are read word by word (roles, scans): cut them now; long ones when asked.
  if (text.length <= SHORT) return { text, starts, ends, words: cut(lower, starts, ends), memo: new Map(), lower };
  let words: string[] | undefined;
  return {
    text,
    starts,
    ends,
    get words() {
      words ??= cut(lower, starts, ends);
      return words;
    },
    memo: new Map(),
    lower,
  };
};

const cut = (lower: string, starts: readonly number[], ends: readonly number[]): string[] => {
  const words = new Array<string>(starts.length);
  for (let i = 0; i < starts.length; i++) words[i] = lower.slice(starts[i], ends[i]);
  return words;
};

/** Word `i` of `idx`, lower-cased, without cutting the others. */
export const wordAt = (idx: WordIndex, i: number): string => {
  const { lower } = idx as Index;
  return lower === null ? idx.words[i]! : lower.slice(idx.starts[i], idx.ends[i]);
};

/** Whether word `i` starts with `prefix` (lower case), read in place. */
const startsWith = (idx: Index, i: number, prefix: string): boolean =>
  idx.lower === null
    ? idx.words[i]!.startsWith(prefix)
    : idx.ends[i]! - idx.starts[i]! >= prefix.length && idx.lower.startsWith(prefix, idx.starts[i]);

/**
 * The word numbers sorted by a key of their first two characters (a stable
 * counting sort, so each key's words stay in text order): the words of key k
 * are `order[k === 0 ? 0 : end[k - 1]]` … `order[end[k] - 1]`. A key folds
 * the characters (first & 127, second & 31), so a key's words are a superset
 * of those with the prefix, which a lookup then tests. Two typed arrays per
 * text rather than a map of lists: nothing for the garbage collector to trace.
 */
interface Buckets {
  readonly order: Int32Array;
  readonly end: Int32Array;
}

const SECOND_BITS = 5;
const KEYS = 128 << SECOND_BITS;
/** The key of a word or prefix from its first character and its second (-1 when it has none). */
const keyOf = (first: number, second: number): number =>
  ((first & 127) << SECOND_BITS) | (second < 0 ? 0 : second & ((1 << SECOND_BITS) - 1));

const bucketsOf = (idx: Index): Buckets => {
  const count = idx.starts.length;
  const keys = new Int32Array(count);
  const end = new Int32Array(KEYS);
  for (let i = 0; i < count; i++) {
    const word = idx.lower === null ? idx.words[i]! : null;
    const at = word === null ? idx.starts[i]! : 0;
    const source = word ?? idx.lower!;
    const length = word === null ? idx.ends[i]! - at : word.length;
    const k = keyOf(source.charCodeAt(at), length > 1 ? source.charCodeAt(at + 1) : -1);
    keys[i] = k;
    end[k]!++;
  }
  // Counts → where each key's words begin; filling then moves each to where the next key's begin.
  let sum = 0;
  for (let k = 0; k < KEYS; k++) {
    const n = end[k]!;
    end[k] = sum;
    sum += n;
  }
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[end[keys[i]!]!++] = i;
  return { order, end };
};

/** Labels (short texts) of a large board fit in one cache; notes change as people type, so few are kept. */
const short = { cache: new Map<string, WordIndex>(), limit: 4096 };
const long = { cache: new Map<string, WordIndex>(), limit: NOTES_KEPT };

const SHORT = 200;
let last: WordIndex = build('');

/**
 * The index of `text`, cut once and reused: a pure function of the text, so
 * reusing it across scoring calls changes no result (the notes and most
 * labels stay the same between two rescorings).
 */
export const wordIndex = (text: string): WordIndex => {
  // Lookups come in runs on one text (a term's synonyms, a sentence's terms): the same string object
  // compares in no time, while a map lookup of an equal label from a new board compares its characters.
  if (last.text === text) return last;
  const { cache, limit } = text.length <= SHORT ? short : long;
  let idx = cache.get(text);
  if (idx === undefined) {
    idx = build(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, idx);
  }
  last = idx;
  return idx;
};

const EMPTY: readonly number[] = [];

/** Offsets (ascending) of the words of `idx` that start with `prefix` (lower case, not empty). */
export const wordsStartingWith = (idx: WordIndex, prefix: string): readonly number[] => {
  const { starts } = idx;
  // A label's few words: a scan is cheaper than any table.
  if (starts.length < TABLE_FROM) {
    const { words } = idx;
    let out: number[] | null = null;
    for (let i = 0; i < words.length; i++)
      if (words[i]!.startsWith(prefix)) {
        out ??= [];
        out.push(starts[i]!);
      }
    return out ?? EMPTY;
  }
  const hit = idx.memo.get(prefix) as readonly number[] | undefined;
  if (hit) return hit;
  const index = idx as Index;
  index.buckets ??= bucketsOf(index);
  const { order, end } = index.buckets;
  // A one-character prefix reads every key of its first character: their words come key by key, so sort them back.
  const single = prefix.length === 1;
  const low = keyOf(prefix.charCodeAt(0), single ? -1 : prefix.charCodeAt(1));
  const high = single ? low | ((1 << SECOND_BITS) - 1) : low;
  let result: number[] | null = null;
  for (let k = low === 0 ? 0 : end[low - 1]!; k < end[high]!; k++) {
    const i = order[k]!;
    if (startsWith(index, i, prefix)) {
      result ??= [];
      result.push(starts[i]!);
    }
  }
  if (single && result !== null) result.sort((a, b) => a - b);
  const found = result ?? EMPTY;
  idx.memo.set(prefix, found);
  return found;
};

/** The first place in the ascending `positions` (numbers, or strings in code-unit order) holding a value ≥ `from`. */
export const lowerBound = <T extends number | string>(positions: readonly T[], from: T): number => {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Where a sticky pattern matches in `idx`'s text, trying only at the starts
 * of words beginning with one of `prefixes` (lower case), in text order and
 * without overlaps, like a global regex scan (whose pattern starts with a
 * word boundary) would find them. Not kept with the index: its one caller
 * keeps what it reads from them (redundancy.ts), so the match arrays die young.
 */
export const matchesAtWords = (idx: WordIndex, sticky: RegExp, prefixes: readonly string[]): readonly RegExpExecArray[] => {
  const at: number[] = [];
  for (const p of prefixes) for (const i of wordsStartingWith(idx, p)) at.push(i);
  at.sort((a, b) => a - b);
  const out: RegExpExecArray[] = [];
  let end = 0;
  for (let k = 0; k < at.length; k++) {
    const p = at[k]!;
    if (p < end || p === at[k - 1]) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(idx.text);
    if (!m) continue;
    out.push(m);
    end = p + Math.max(1, m[0].length);
  }
  return out;
};

/** A sentence is a run of anything but \n . ! ? ; (the regex /[^\n.!?;]+/, by char code). */
const endsSentence = (c: number): boolean => c === 10 || c === 46 || c === 33 || c === 63 || c === 59;
const SENTENCES = Symbol('sentences');

/** The sentences of `text` as [start, end) offsets, flat: [s0, e0, s1, e1, …]; cut at . ! ? ; and line breaks. */
export const sentencesIn = (text: string): readonly number[] => {
  const idx = wordIndex(text);
  let bounds = idx.memo.get(SENTENCES) as number[] | undefined;
  if (!bounds) {
    bounds = [];
    // By char code, not matchAll: no match objects for every sentence of every note.
    for (let i = 0; i < text.length; ) {
      if (endsSentence(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && !endsSentence(text.charCodeAt(i))) i++;
      bounds.push(start, i);
    }
    idx.memo.set(SENTENCES, bounds);
  }
  return bounds;
};
