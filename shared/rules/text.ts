import { z } from 'zod';
import { getOrMake } from './memo';
import { UNIT_WORDS } from './wordIndex';

/**
 * Term matching for notes and labels: case-insensitive, on whole words,
 * forgiving about spaces and hyphens inside a term ("fan-out" = "fan out" =
 * "fanout") and about inflections ("rate limit" also finds "rate limits",
 * "rate limiting", "rate-limited", "rate limiter"). In notes, a term in a
 * negated clause ("we will not use NoSQL", "instead of SQL") does not count,
 * and unit-like short terms ("ms", "kb") count only straight after a number.
 */

/**
 * One term of a notes check: a word or phrase, or an object for terms that
 * need context: `unless` lists phrases that contain the term but mean
 * something else (`{word: presence, unless: [presence of]}`); `afterNumber`
 * accepts the term only straight after a number ("200 ms", never "MS SQL").
 */
export const termSpecSchema = z.union([
  z.string().min(1),
  z.strictObject({
    word: z.string().min(1),
    unless: z.array(z.string().min(1)).min(1).optional(),
    afterNumber: z.boolean().optional(),
  }),
]);
export type TermSpec = z.infer<typeof termSpecSchema>;

/** Phrases that contain a common term in another sense; applied to every term they contain. */
const OTHER_SENSES: Readonly<Record<string, readonly string[]>> = {
  presence: ['presence of', 'in the presence'],
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One word of a term with its common inflections: limit → limits, limited, limiting, limiter. */
const inflect = (word: string): string => {
  const w = escapeRegExp(word);
  if (!/^[a-z]+$/i.test(word) || word.length < 3) return w;
  if (word.length === 3) return `${w}(?:s|es|ed|ing|er|ers)?`;
  if (/e$/i.test(word)) return `${w.slice(0, -1)}(?:e|es|ed|ing|eing|er|ers|ation|ations|y)?`;
  if (/[^aeiou]y$/i.test(word)) return `${w.slice(0, -1)}(?:y|ies|ied|ying)`;
  return `${w}(?:s|es|ed|ing|er|ers|ion|ions|ation)?`;
};

const termBody = (term: string, inflections: boolean): string =>
  term
    .trim()
    .split(/[\s-]+/)
    .filter((p) => p !== '')
    .map((p) => (inflections ? inflect(p) : escapeRegExp(p)))
    .join('[\\s-]*');

const patternCache = new Map<string, RegExp>();
/** What may not touch a term's start: a letter or digit, except that a unit may follow its number ("200ms"). */
const guardOf = (synonym: string): string => (UNIT_WORDS.has(synonym.toLowerCase()) ? '\\p{L}' : '[\\p{L}\\p{N}]');

/**
 * One global pattern matching any of `synonyms`, compiled once: a single scan
 * instead of one per synonym. The word-boundary test sits after each term as
 * a lookbehind, not before it: a leading lookbehind makes V8 test every
 * position and is ~10× slower.
 * @example termPattern(['fan-out']).test('We FANOUT on write') // true
 * @example termPattern(['301']).test('HTTP 3010') // false: word boundaries
 */
export const termPattern = (synonyms: readonly string[], inflections = true): RegExp => {
  const key = `${inflections ? 'i' : 'x'}\u0000${synonyms.join('\u0000')}`;
  let re = patternCache.get(key);
  if (!re) {
    // Word boundaries guard only the ends that are word characters: "page=" matches "?page=3", "?page" "/feed?page".
    const bodies = synonyms.flatMap((s) => {
      const b = termBody(s, inflections);
      if (b === '') return [];
      const t = s.trim();
      const start = /^[\p{L}\p{N}]/u.test(t) ? `(?<!${guardOf(s)}(?:${b}))` : '';
      const end = /[\p{L}\p{N}]$/u.test(t) ? '(?![\\p{L}\\p{N}])' : '';
      return [`(?:${b})${start}${end}`];
    });
    // No usable term (only spaces or dashes) must match nothing, not the empty string.
    re = bodies.length === 0 ? /(?!)/g : new RegExp(`(?:${bodies.join('|')})`, 'giu');
    patternCache.set(key, re);
  }
  return re;
};

export interface TermHit {
  readonly index: number;
  readonly length: number;
}

// Words that open a new clause: "but", "however", "although", "whereas", "while", "so", "because", "then",
// "otherwise", "instead" when it is not "instead of" ("we skip fan-out and instead merge at read time" affirms the
// merge), and "and" before a new subject or verb ("must not be lost and must arrive in real time", "we skip
// fan-out for celebrities and merge their posts at read time"): only verbs that are not also nouns, so "skip the
// cache and the queue" still skips both.
const CLAUSE_WORD =
  /^ (?:but|however|although|whereas|while|so|because|then|otherwise|instead(?! of\b)|and (?:must|should|will|we|it|they|also|can|(?:merge|pull|fetch|serve|build|rebuild|compute|assemble|send|use|rely|fall|insert|append|persist|retry|route|publish|consume|mark|treat|handle|keep|put|add|return)(?:s|es|ed|d)?)\b)\b/i;
const CLAUSE_INITIALS = new Set(['b', 'h', 'a', 'w', 's', 't', 'o', 'i', 'B', 'H', 'A', 'W', 'S', 'T', 'O', 'I']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Whether a clause boundary sits at `i`: sentence punctuation, a comma, a line break, a bracket, or a clause word after a space. */
const boundaryAt = (text: string, i: number): boolean => {
  const c = text[i]!;
  if (c === '\n' || c === ';' || c === '!' || c === '?' || c === '(' || c === ')') return true;
  if (c === '.' || c === ',') return !isDigit(text[i + 1]);
  return c === ' ' && CLAUSE_INITIALS.has(text[i + 1] ?? '') && CLAUSE_WORD.test(text.slice(i, i + 16));
};

/** Where a clause containing `index` starts: after sentence punctuation, a comma, a line break, or "but"/"however". */
export const clauseStart = (text: string, index: number, floor = 0): number => {
  for (let i = index - 1; i >= floor; i--) if (boundaryAt(text, i)) return i + 1;
  return floor;
};

/** Where the clause containing `index` ends (exclusive), by the same boundaries as clauseStart. */
export const clauseEnd = (text: string, index: number): number => {
  for (let i = index; i < text.length; i++) if (boundaryAt(text, i)) return i;
  return text.length;
};

const NEGATION =
  /(?:^|[^\p{L}])(?:not|no|never|without|nor|neither|avoid|avoids|avoiding|instead of|rather than|won['’]?t|don['’]?t|doesn['’]?t|isn['’]?t|aren['’]?t|can['’]?t|cannot|shouldn['’]?t|wouldn['’]?t|didn['’]?t|skip|skipping|out of scope|non-goals?)(?![\p{L}])/iu;
// "not only X but also Y" affirms X.
const NOT_ONLY = /\bnot\s+only\b/i;
// "Out of scope: A, B, C" negates the whole list up to the end of the line.
const LIST_NEGATION =
  /(?:out of scope|not in scope|non-goals?|won['’]?t (?:do|support|build)|not (?:doing|supporting|building))\s*:/iu;

/**
 * Whether the word at `index` sits in a negated clause ("we will not shard",
 * "instead of SQL", "Out of scope: analytics"). Nothing before `floor` (the
 * start of the sentence being read) counts.
 */
export const isNegated = (text: string, index: number, floor = 0): boolean => {
  const before = text.slice(clauseStart(text, index, floor), index);
  if (NEGATION.test(before) && !NOT_ONLY.test(before)) return true;
  const lineStart = Math.max(floor, text.lastIndexOf('\n', index - 1) + 1);
  return LIST_NEGATION.test(text.slice(lineStart, index));
};

// A number, with a magnitude if it has one: "200 ms", "100k followers", "2 million users".
const NUMBER_BEFORE = /\d(?:\s?(?:k|m|b|thousand|million|billion))?\s?$/i;

export interface FindOptions {
  /** Count terms in negated clauses too (labels, or terms that are themselves negative like "no single point of failure"). */
  readonly allowNegated?: boolean;
  /** Match exactly, without inflections. */
  readonly exact?: boolean;
  /** Also required of a hit (e.g. not in a bare keyword list); the search goes on past a hit it refuses. */
  readonly where?: (index: number, length: number) => boolean;
}

export const specWord = (spec: TermSpec): string => (typeof spec === 'string' ? spec : spec.word);

const unlessPatterns = new Map<string, RegExp>();
/** termPattern([phrase], false), found by the phrase itself: a rubric's own string, so no key is joined per hit. */
const unlessPattern = (phrase: string): RegExp => getOrMake(unlessPatterns, phrase, () => termPattern([phrase], false));

interface Sense {
  /** Counts only straight after a number. */
  readonly afterNumber: boolean;
  /** Phrases that contain the term in another sense. */
  readonly unless: readonly string[];
}
const senses = new Map<string, Sense>();
const objectSenses = new WeakMap<object, Sense>();
/** What inSense checks for a spec, worked out once per spec (rubric terms are long-lived). */
const senseOf = (spec: TermSpec): Sense => {
  if (typeof spec === 'string')
    return getOrMake(senses, spec, () => {
      const word = spec.toLowerCase();
      return { afterNumber: UNIT_WORDS.has(word), unless: OTHER_SENSES[word] ?? [] };
    });
  return getOrMake(objectSenses, spec, () => {
    const word = spec.word.toLowerCase();
    return {
      afterNumber: spec.afterNumber ?? UNIT_WORDS.has(word),
      unless: [...(spec.unless ?? []), ...(OTHER_SENSES[word] ?? [])],
    };
  });
};

/**
 * Whether a hit of `spec` at `index` is in the sense meant: after a number
 * for units, not inside an `unless` phrase. Only [floor, ceiling) is read
 * (the sentence being read).
 */
export const inSense = (
  text: string,
  index: number,
  length: number,
  spec: TermSpec,
  floor = 0,
  ceiling = text.length,
): boolean => {
  const { afterNumber, unless } = senseOf(spec);
  if (afterNumber && !NUMBER_BEFORE.test(text.slice(Math.max(floor, index - 10), index))) return false;
  for (const phrase of unless) {
    const re = unlessPattern(phrase);
    re.lastIndex = Math.max(floor, index - phrase.length - 2);
    for (let m = re.exec(text); m && m.index <= index; m = re.exec(text))
      if (m.index + m[0].length >= index + length && m.index + m[0].length <= ceiling) return false;
  }
  return true;
};

/**
 * The short words prose cannot do without. Six or more words with none of
 * them ("base62 kgs 302 analytics async ttl") name things without saying
 * how they work together.
 */
const PROSE_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the to of for in on at by with from into onto over under through via per each every ' +
    'is are be been was were it its we our us i you they them this that these those there ' +
    'so because if then when while than as and or but not no nor until unless instead ' +
    'do does can will would should must may might has have had use uses using get gets'
  ).split(' '),
);

/**
 * A line that is a bare dump of keywords, not prose that explains: six or
 * more items of one or two words ("cache, sharding, base62, 301, fan-out,
 * Kafka, LRU"), eight or more of up to three ("we use a CDN, caching with
 * Redis, sharding, cursor pagination, …": the longer the list, the less it
 * can be saying about each), or six or more words without one word prose
 * needs ("base62 kgs 302 analytics async collision"). Shorter lists
 * ("Monitoring: p99, errors, hit ratio"), schemas ("short_code (PK),
 * long_url", "posts (id, author, text)") and flows ("client → LB → app →
 * Redis") are how people take notes; an aside in brackets is not a schema.
 */
export const isKeywordList = (line: string): boolean => {
  if (/_|->|→|=>|\([^)]*,/.test(line)) return false;
  const parts = line.split(/[,;/|·•]+/).filter((p) => p.trim() !== '');
  if (parts.length >= 6) {
    const words = parts.map((p) => p.trim().split(/\s+/).length).sort((a, b) => a - b);
    const median = words[Math.floor(words.length / 2)]!;
    if (median <= 2 || (parts.length >= 8 && median <= 3)) return true;
  }
  // Word by word, so a line of prose (nearly every line, and some are paragraphs) stops at its first "the" or "we".
  let count = 0;
  for (const m of line.toLowerCase().matchAll(LIST_WORD)) {
    if (PROSE_WORDS.has(m[0])) return false;
    count++;
  }
  return count >= 6;
};
const LIST_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Up to `radius` characters either side of a match, on one line, with ellipses where cut. */
export const excerptAround = (text: string, index: number, length: number, radius = 40): string => {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
};
