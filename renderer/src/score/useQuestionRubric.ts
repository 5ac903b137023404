import { readQuestion } from '@shared/board/doc';
import type { Rubric } from '@shared/rubric/schema';
import { useMemo } from 'react';
import { useDocValue } from '../board/context';
import { findRubric } from './builtinRubrics';

/** The rubric of the board's current question (built-in, or one of `userRubrics`), or null for a free design. */
export const useQuestionRubric = (userRubrics: readonly Rubric[] = []): Rubric | null => {
  const question = useDocValue(readQuestion);
  return useMemo(() => findRubric(question, userRubrics), [question, userRubrics]);
};
