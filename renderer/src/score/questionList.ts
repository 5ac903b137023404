import { attemptsFor, type History } from '@shared/interview/history';
import { DIFFICULTIES, type Difficulty, type Rubric } from '@shared/rubric/schema';

/**
 * The question picker's logic, without React: search, difficulty filter,
 * grouping by category, per-question progress from the attempt history, and
 * the random pick for a surprise mock.
 */

/** Where a rubric without a category is shelved. */
export const OTHER_CATEGORY = 'Other';

/** How a candidate has done on one question so far. */
export interface QuestionProgress {
  readonly attempts: number;
  /** The best overall score (0–100) among scored attempts; null when none was scored. */
  readonly best: number | null;
}

export const progressOf = (history: History, question: string): QuestionProgress => {
  const mine = attemptsFor(history, question);
  let best: number | null = null;
  for (const a of mine) if (a.percent !== null && (best === null || a.percent > best)) best = a.percent;
  return { attempts: mine.length, best };
};

/** "3 attempts · best 82%", "1 attempt", or "Not tried yet". */
export const describeProgress = ({ attempts, best }: QuestionProgress): string => {
  if (attempts === 0) return 'Not tried yet';
  const count = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return best === null ? count : `${count} · best ${best}%`;
};

export interface QuestionFilter {
  /** Free text; every word must appear in the title, summary, category or id. */
  readonly text: string;
  /** null for any difficulty. */
  readonly difficulty: Difficulty | null;
}

export const NO_FILTER: QuestionFilter = { text: '', difficulty: null };

const fold = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

export const matchesFilter = (rubric: Rubric, { text, difficulty }: QuestionFilter): boolean => {
  if (difficulty !== null && rubric.difficulty !== difficulty) return false;
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${rubric.title} ${rubric.summary} ${rubric.category ?? ''} ${rubric.id.replace(/-/g, ' ')}`);
  return words.every((w) => haystack.includes(w));
};

const difficultyRank = (r: Rubric): number => (r.difficulty ? DIFFICULTIES.indexOf(r.difficulty) : DIFFICULTIES.length);

export interface CategoryShelf {
  readonly category: string;
  readonly rubrics: readonly Rubric[];
}

/**
 * The rubrics that pass `filter`, shelved by category (alphabetical, "Other"
 * last) and, within a shelf, easiest first, then by title.
 */
export const shelve = (rubrics: readonly Rubric[], filter: QuestionFilter = NO_FILTER): CategoryShelf[] => {
  const shelves = new Map<string, Rubric[]>();
  for (const r of rubrics) {
    if (!matchesFilter(r, filter)) continue;
    const category = r.category ?? OTHER_CATEGORY;
    const shelf = shelves.get(category) ?? [];
    shelf.push(r);
    shelves.set(category, shelf);
  }
  return [...shelves.entries()]
    .sort(([a], [b]) => (a === OTHER_CATEGORY ? 1 : b === OTHER_CATEGORY ? -1 : a.localeCompare(b)))
    .map(([category, list]) => ({
      category,
      rubrics: [...list].sort((a, b) => difficultyRank(a) - difficultyRank(b) || a.title.localeCompare(b.title)),
    }));
};

/**
 * A random question for a surprise mock, among `candidates` (the ones on
 * screen). Questions never tried are preferred, so a run of surprises covers
 * the bank. `random` returns [0, 1), as Math.random does.
 */
export const pickRandom = (
  candidates: readonly Rubric[],
  history: History,
  random: () => number = Math.random,
): Rubric | null => {
  if (candidates.length === 0) return null;
  const untried = candidates.filter((r) => progressOf(history, r.id).attempts === 0);
  const pool = untried.length > 0 ? untried : candidates;
  return pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))] ?? null;
};
