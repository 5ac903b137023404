import { readBoard } from '@shared/board/doc';
import type { Rubric } from '@shared/rubric/schema';
import { scoreBoard } from '@shared/rules/score';
import type { ScoreResult } from '@shared/rules/types';
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useQuietDocValue } from '../board/useQuietDocValue';

/**
 * The score of the open board against `rubric`, kept fresh without making
 * drawing stutter: the board is read and scored once edits pause for
 * `delayMs`. (Subscribing with useDocValue(readBoard) would rebuild the board
 * snapshot on every transaction.)
 */
export const useScore = (rubric: Rubric | null, delayMs = 200): ScoreResult | null => {
  const select = useCallback((doc: Y.Doc) => (rubric ? scoreBoard(readBoard(doc), rubric) : null), [rubric]);
  return useQuietDocValue(select, delayMs);
};
