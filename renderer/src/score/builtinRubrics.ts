import { formatRubricError, parseRubric } from '@shared/rubric/parse';
import type { Rubric } from '@shared/rubric/schema';

/**
 * The built-in rubrics: every file of rubrics/, bundled as text by Vite
 * (`?raw`) and parsed with the same parser as the CLI, so the browser needs
 * no Node and no fetch, and a new question is one new file. The unit tests
 * guarantee these files are valid; a broken one is logged and skipped.
 */
const FILES = import.meta.glob<string>('../../../rubrics/*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true });

/** The first three are the original questions, kept first for anything that lists built-ins in file order. */
const FIRST = ['url-shortener', 'chat', 'feed'];
const rank = (file: string): number => {
  const i = FIRST.indexOf(file.replace(/\.[a-z]+$/, ''));
  return i === -1 ? FIRST.length : i;
};

const SOURCES: readonly (readonly [file: string, text: string])[] = Object.entries(FILES)
  .map(([path, text]) => [path.replace(/^.*\//, ''), text] as const)
  .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));

export const BUILTIN_RUBRICS: readonly Rubric[] = SOURCES.flatMap(([file, text]) => {
  const result = parseRubric(text, file);
  if (result.ok) return [result.rubric];
  console.error(result.errors.map(formatRubricError).join('\n'));
  return [];
});

/** A rubric by question id among the built-ins and any extra (user) rubrics; built-ins win. */
export const findRubric = (id: string | undefined, extra: readonly Rubric[] = []): Rubric | null =>
  id === undefined ? null : (BUILTIN_RUBRICS.find((r) => r.id === id) ?? extra.find((r) => r.id === id) ?? null);
