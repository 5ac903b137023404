import type { Board } from '@shared/board/types';
import { STEP_IDS, type StepId } from '@shared/framework/steps';
import { readTimer } from '@shared/interview/timerDoc';
import { timerView } from '@shared/interview/timerView';
import type { ReportInput, StepTime } from '@shared/report';
import { parseRubric, type Rubric } from '@shared/rubric';
import { scoreBoard } from '@shared/rules/score';
import { readFeedback } from '@shared/session/feedback';
import type * as Y from 'yjs';

/** What a report adds to the board: the question, the score, the time per step. */
export type ReportExtras = Omit<ReportInput, 'board' | 'generatedAt'>;

/** Supplies the extras for the current board; the interview flow can pass its live rubric and timer instead. */
export type ReportSource = (board: Board) => Promise<ReportExtras>;

// The built-in rubrics, bundled as text and parsed only when a report is made.
const RUBRIC_FILES = import.meta.glob<string>('../../../rubrics/*.{yaml,yml,json}', { query: '?raw', import: 'default' });

const builtInRubric = async (id: string): Promise<Rubric | null> => {
  const entry = Object.entries(RUBRIC_FILES).find(([path]) => path.replace(/^.*\/|\.[^.]+$/g, '') === id);
  if (!entry) return null;
  const parsed = parseRubric(await entry[1](), entry[0]);
  return parsed.ok ? parsed.rubric : null;
};

/** Time spent per step from the shared interview timer; nothing when no interview was started. */
const timesFrom = (doc: Y.Doc): Partial<Record<StepId, StepTime>> | undefined => {
  const timer = readTimer(doc);
  if (timer.status === 'idle') return undefined;
  const view = timerView(timer, Date.now());
  return Object.fromEntries(
    view.steps.filter((s) => STEP_IDS.includes(s.id)).map((s) => [s.id, { spent: s.spentSec, planned: s.plannedSec }]),
  );
};

/** The default source: the board's question from the built-in rubrics, scored now, plus the timer's record. */
export const builtInReportSource =
  (doc: Y.Doc): ReportSource =>
  async (board) =>
    reportExtras(doc, board.question ? await builtInRubric(board.question) : null, board);

/** The report of the board's live rubric (a built-in or the user's own), with the interviewer's feedback. */
export const liveReportSource =
  (doc: Y.Doc, rubric: Rubric | null): ReportSource =>
  async (board) =>
    reportExtras(doc, rubric, board);

const reportExtras = (doc: Y.Doc, rubric: Rubric | null, board: Board): ReportExtras => {
  const times = timesFrom(doc);
  const feedback = readFeedback(doc);
  return {
    ...(Object.keys(feedback.entries).length > 0 && { feedback }),
    ...(rubric && {
      question: { id: rubric.id, title: rubric.title, prompt: rubric.prompt },
      score: scoreBoard(board, rubric),
      ruleNames: Object.fromEntries(rubric.rules.flatMap((r) => (r.concept ? [[r.id, r.concept]] : []))),
    }),
    ...(times && { times }),
  };
};
