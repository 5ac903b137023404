/**
 * Term matching for notes and labels: case-insensitive, on word boundaries,
 * and forgiving about spaces and hyphens inside a term, so "fan-out" also
 * finds "fan out" and "fanout", and "read heavy" finds "read-heavy".
 */

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const termBody = (term: string): string =>
  term
    .trim()
    .split(/[\s-]+/)
    .filter((p) => p !== '')
    .map(escapeRegExp)
    .join('[\\s-]*');

const patternCache = new Map<string, RegExp>();

/**
 * One pattern matching any of `synonyms`, compiled once: a single scan of the
 * text instead of one per synonym (notes can be long and rules many). The
 * word-boundary test sits after each term as a lookbehind, not before it:
 * a leading lookbehind makes V8 test every position and is ~10× slower.
 * @example termPattern(['fan-out']).test('We FANOUT on write') // true
 * @example termPattern(['301']).test('HTTP 3010') // false: word boundaries
 */
export const termPattern = (synonyms: readonly string[]): RegExp => {
  const key = synonyms.join('\u0000');
  let re = patternCache.get(key);
  if (!re) {
    const bodies = synonyms.map(termBody).filter((b) => b !== '');
    // No usable term (only spaces or dashes) must match nothing, not the empty string.
    re =
      bodies.length === 0
        ? /(?!)/
        : new RegExp(`(?:${bodies.map((b) => `${b}(?<![\\p{L}\\p{N}]${b})`).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    patternCache.set(key, re);
  }
  return re;
};

export interface TermHit {
  readonly index: number;
  readonly length: number;
}

/** The earliest place `text` mentions any of `synonyms`, or null. */
export const findTerm = (text: string, synonyms: readonly string[]): TermHit | null => {
  const m = termPattern(synonyms).exec(text);
  return m ? { index: m.index, length: m[0].length } : null;
};

/** Up to `radius` characters either side of a match, on one line, with ellipses where cut. */
export const excerptAround = (text: string, index: number, length: number, radius = 40): string => {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
};
