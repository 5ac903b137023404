import { formatRubricError, parseRubric } from '@shared/rubric/parse';
import type { Rubric } from '@shared/rubric/schema';
import chatYaml from '../../../rubrics/chat.yaml?raw';
import feedYaml from '../../../rubrics/feed.yaml?raw';
import urlShortenerYaml from '../../../rubrics/url-shortener.yaml?raw';

/**
 * The built-in rubrics, bundled as text by Vite (`?raw`) and parsed with the
 * same parser as the CLI, so the browser needs no Node and no fetch. The
 * unit tests guarantee these files are valid; a broken one is logged and skipped.
 */
const SOURCES: readonly (readonly [file: string, text: string])[] = [
  ['url-shortener.yaml', urlShortenerYaml],
  ['chat.yaml', chatYaml],
  ['feed.yaml', feedYaml],
];

export const BUILTIN_RUBRICS: readonly Rubric[] = SOURCES.flatMap(([file, text]) => {
  const result = parseRubric(text, file);
  if (result.ok) return [result.rubric];
  console.error(result.errors.map(formatRubricError).join('\n'));
  return [];
});

/** A rubric by question id among the built-ins and any extra (user) rubrics; built-ins win. */
export const findRubric = (id: string | undefined, extra: readonly Rubric[] = []): Rubric | null =>
  id === undefined ? null : (BUILTIN_RUBRICS.find((r) => r.id === id) ?? extra.find((r) => r.id === id) ?? null);
