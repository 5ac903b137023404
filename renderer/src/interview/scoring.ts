import type { Board } from '@shared/board/types';
import type { Rubric } from '@shared/rubric';
import { scoreBoard } from '@shared/rules/score';
import type { ScoreResult } from '@shared/rules/types';

/** Scores a board against the question's rubric; null when the question has none (a free design). */
export type ScoreFn = (board: Board) => ScoreResult | null;

/** The scorer the interview components take, from a rubric (or none). */
export const scorerFor = (rubric: Rubric | null | undefined): ScoreFn =>
  rubric ? (board) => scoreBoard(board, rubric) : () => null;
