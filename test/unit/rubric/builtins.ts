import { readFileSync } from 'node:fs';
import { parseRubric } from '../../../shared/rubric/parse';
import type { Rubric } from '../../../shared/rubric/schema';

export const QUESTIONS = ['url-shortener', 'chat', 'feed'] as const;

/** A built-in rubric from rubrics/, parsed as the app parses it. */
export const loadBuiltin = (id: string): Rubric => {
  const result = parseRubric(readFileSync(new URL(`../../../rubrics/${id}.yaml`, import.meta.url), 'utf8'), `${id}.yaml`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.rubric;
};
