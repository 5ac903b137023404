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
  /** Each word, lower-cased. */
  readonly words: readonly string[];
  /** Values derived from this text alone (positions per prefix or pattern), kept with it. */
  readonly memo: Map<unknown, unknown>;
  /** The distinct words, sorted, each with its offsets: built on the first lookup of a long text. */
  sorted?: { readonly keys: readonly string[]; readonly at: readonly (readonly number[])[] };
}

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Past this many words, prefix lookups go through a sorted word list instead of a scan. */
const TABLE_FROM = 24;

/** Whether the UTF-16 unit at `i` belongs to a word: ASCII by code, anything else by its Unicode class. */
const inWord = (text: string, code: number, i: number): boolean =>
  code < 128
    ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    : LETTER_OR_DIGIT.test(text.slice(i, code >= 0xd800 && code <= 0xdbff ? i + 2 : i + 1)) ||
      (code >= 0xdc00 && code <= 0xdfff && i > 0 && LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1)));

const build = (text: string): WordIndex => {
  const starts: number[] = [];
  const words: string[] = [];
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // Lower-casing changed the length (rare letters): cut each word on its own.
    for (const m of text.matchAll(WORD)) {
      starts.push(m.index);
      words.push(m[0].toLowerCase());
    }
  } else
    for (let i = 0; i < text.length; ) {
      if (!inWord(text, text.charCodeAt(i), i)) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && inWord(text, text.charCodeAt(i), i)) i++;
      starts.push(start);
      words.push(lower.slice(start, i));
    }
  return { text, starts, words, memo: new Map() };
};

/** Labels (short texts) of a large board fit in one cache; notes change as people type, so few are kept. */
const short = { cache: new Map<string, WordIndex>(), limit: 4096 };
const long = { cache: new Map<string, WordIndex>(), limit: NOTES_KEPT };
const SHORT = 200;

/**
 * The index of `text`, cut once and reused: a pure function of the text, so
 * reusing it across scoring calls changes no result (the notes and most
 * labels stay the same between two rescorings).
 */
export const wordIndex = (text: string): WordIndex => {
  const { cache, limit } = text.length <= SHORT ? short : long;
  let idx = cache.get(text);
  if (idx === undefined) {
    idx = build(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, idx);
  }
  return idx;
};

const EMPTY: readonly number[] = [];

/** Offsets (ascending) of the words of `idx` that start with `prefix` (lower case, not empty). */
export const wordsStartingWith = (idx: WordIndex, prefix: string): readonly number[] => {
  const { words, starts } = idx;
  // A label's few words: a scan is cheaper than any table.
  if (words.length < TABLE_FROM) {
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
  idx.sorted ??= sortWords(idx);
  const { keys, at } = idx.sorted;
  // The words starting with `prefix` sit together in the sorted list, from its lower bound on.
  const found: (readonly number[])[] = [];
  for (let k = lowerBound(keys, prefix); k < keys.length && keys[k]!.startsWith(prefix); k++) found.push(at[k]!);
  const result = found.length === 0 ? EMPTY : found.length === 1 ? found[0]! : found.flat().sort((a, b) => a - b);
  idx.memo.set(prefix, result);
  return result;
};

const sortWords = (idx: WordIndex): NonNullable<WordIndex['sorted']> => {
  const at = new Map<string, number[]>();
  idx.words.forEach((w, i) => {
    const list = at.get(w);
    if (list) list.push(idx.starts[i]!);
    else at.set(w, [idx.starts[i]!]);
  });
  const keys = [...at.keys()].sort();
  return { keys, at: keys.map((k) => at.get(k)!) };
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
 * word boundary) would find them. Cached per text and pattern.
 */
export const matchesAtWords = (idx: WordIndex, sticky: RegExp, prefixes: readonly string[]): readonly RegExpExecArray[] => {
  const hit = idx.memo.get(sticky) as readonly RegExpExecArray[] | undefined;
  if (hit) return hit;
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
  idx.memo.set(sticky, out);
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
