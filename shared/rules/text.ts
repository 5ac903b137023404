/**
 * Term matching for notes and labels: case-insensitive, on word boundaries,
 * and forgiving about spaces and hyphens inside a term, so "fan-out" also
 * finds "fan out" and "fanout", and "read heavy" finds "read-heavy".
 */

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patternCache = new Map<string, RegExp>();

/**
 * The pattern of one term.
 * @example termPattern('fan-out').test('We FANOUT on write') // true
 * @example termPattern('301').test('HTTP 3010') // false: word boundaries
 */
export const termPattern = (term: string): RegExp => {
  let re = patternCache.get(term);
  if (!re) {
    const body = term
      .trim()
      .split(/[\s-]+/)
      .filter((p) => p !== '')
      .map(escapeRegExp)
      .join('[\\s-]*');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
    patternCache.set(term, re);
  }
  return re;
};

export interface TermHit {
  readonly term: string;
  readonly index: number;
  readonly length: number;
}

/** The first of `synonyms` found in `text` (earliest position), or null. */
export const findTerm = (text: string, synonyms: readonly string[]): TermHit | null => {
  let best: TermHit | null = null;
  for (const term of synonyms) {
    const m = termPattern(term).exec(text);
    if (m && (best === null || m.index < best.index)) best = { term, index: m.index, length: m[0].length };
  }
  return best;
};

/** Up to `radius` characters either side of a match, on one line, with ellipses where cut. */
export const excerptAround = (text: string, index: number, length: number, radius = 40): string => {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
};
