import type * as Y from 'yjs';
import { z } from 'zod';
import { boardRoots } from '../board/doc';
import { STEP_IDS } from '../framework/steps';

/**
 * The interviewer's feedback, tied to the rubric's steps: a 1–5 rating and a
 * comment per step plus an overall one. It lives in the session map, so it
 * syncs to the candidate and lands in their report at the end.
 */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export const RATING_LABELS: Readonly<Record<number, string>> = {
  1: 'Missing',
  2: 'Weak',
  3: 'Acceptable',
  4: 'Strong',
  5: 'Outstanding',
};

const entrySchema = z.object({
  rating: z.number().int().min(1).max(5).nullable(),
  comment: z.string().max(4000),
});
export type FeedbackEntry = z.infer<typeof entrySchema>;

const keys = [...STEP_IDS, 'overall'] as const;
export type FeedbackKey = (typeof keys)[number];

export const feedbackSchema = z.object({
  /** Who wrote it (the interviewer's display name). */
  author: z.string().max(40).optional(),
  entries: z.partialRecord(z.enum(keys), entrySchema),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const FEEDBACK_KEYS: readonly FeedbackKey[] = keys;
const EMPTY: Feedback = { entries: {} };

/** The feedback in the doc; malformed remote data reads as empty, never throws. */
export const readFeedback = (doc: Y.Doc): Feedback => {
  const r = feedbackSchema.safeParse(boardRoots(doc).session.get('feedback'));
  return r.success ? r.data : EMPTY;
};

/** Sets one step's (or the overall) rating/comment, keeping the others. */
export const writeFeedback = (
  doc: Y.Doc,
  key: FeedbackKey,
  patch: Partial<FeedbackEntry>,
  author: string | undefined,
  origin: unknown,
): void => {
  doc.transact(() => {
    const current = readFeedback(doc);
    const prev = current.entries[key] ?? { rating: null, comment: '' };
    const next: Feedback = {
      ...(author !== undefined ? { author } : current.author !== undefined ? { author: current.author } : {}),
      entries: { ...current.entries, [key]: { ...prev, ...patch } },
    };
    boardRoots(doc).session.set('feedback', next);
  }, origin);
};

export const clearFeedback = (doc: Y.Doc, origin: unknown): void => {
  doc.transact(() => boardRoots(doc).session.delete('feedback'), origin);
};
