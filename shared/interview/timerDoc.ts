import type * as Y from 'yjs';
import { z } from 'zod';
import { boardRoots, readBoard } from '../board/doc';
import type { Board } from '../board/types';
import { STEP_IDS } from '../framework/steps';
import type { StepDurations } from './durations';
import { clearSnapshots, pushSnapshot } from './snapshots';
import { IDLE_TIMER, LAST_STEP, MAX_TIME_SCALE, reduceTimer, TIMER_STATUSES, type TimerAction, type TimerState } from './timer';

/**
 * The timer in the shared doc: one plain JSON object under `session.timer`.
 *
 * Concurrency: the whole object is one Y.Map value, so concurrent writes
 * (two peers pressing Pause at once) resolve last-writer-wins on the whole
 * object, which Yjs decides identically on every peer — all peers converge on
 * one consistent state, never a mix of two. The losing press is dropped;
 * for a pause/next race that is what a person expects (one pause, one step).
 * Timestamps are the writer's wall clock; peers with skewed clocks see the
 * remaining time shifted by the skew (negative segments count as zero).
 */
export const TIMER_KEY = 'timer';
const STORED_VERSION = 1;

// zod 4's number() already rejects NaN and ±Infinity.
const seconds = z.number().min(0);
const perStep = z.tuple([seconds, seconds, seconds, seconds, seconds]);
const epochMs = z.number().nullable();

const storedTimerSchema = z
  .object({
    v: z.literal(STORED_VERSION),
    status: z.enum(TIMER_STATUSES),
    durations: perStep,
    extensions: perStep,
    spent: perStep,
    stepIndex: z.number().int().min(0).max(LAST_STEP),
    runningSince: epochMs,
    startedAt: epochMs,
    endedAt: epochMs,
    timeScale: z.number().positive().max(MAX_TIME_SCALE),
    attemptId: z.string().min(1).max(100).nullable(),
    focus: z.enum(STEP_IDS).nullable().optional(),
  })
  .refine((t) => (t.status === 'running') === (t.runningSince !== null), 'runningSince is set exactly when running');

/** Validates a stored value; anything malformed (an older client, a hostile peer) reads as idle. Never throws. */
export const parseTimer = (value: unknown): TimerState => {
  const r = storedTimerSchema.safeParse(value);
  if (!r.success) return IDLE_TIMER;
  const { v: _v, focus, ...state } = r.data;
  return { ...state, durations: state.durations as StepDurations, ...(focus && { focus }) };
};

export const readTimer = (doc: Y.Doc): TimerState => parseTimer(boardRoots(doc).session.get(TIMER_KEY));

export const writeTimer = (doc: Y.Doc, state: TimerState, origin: unknown): void => {
  doc.transact(() => boardRoots(doc).session.set(TIMER_KEY, { v: STORED_VERSION, ...state }), origin);
};

export interface ApplyTimerOptions {
  /** Scores the board for the snapshot kept at a step change; omit (or return null) to keep none. */
  readonly score?: (board: Board) => number | null | undefined;
}

/**
 * Reads the timer, applies `action` at `now` and writes the result, in one
 * transaction. A start also clears the previous attempt's snapshots; leaving
 * a step (next, back, end) keeps a snapshot of the board as it was then.
 * Returns the new state (the same object, and no write, when nothing applied).
 */
export const applyTimer = (
  doc: Y.Doc,
  action: TimerAction,
  now: number,
  origin: unknown,
  options: ApplyTimerOptions = {},
): TimerState => {
  let next = IDLE_TIMER;
  doc.transact(() => {
    const prev = readTimer(doc);
    next = reduceTimer(prev, action, now);
    if (next === prev) return;
    writeTimer(doc, next, origin);
    if (action.type === 'start' || action.type === 'reset') clearSnapshots(doc);
    const leftStep = action.type === 'next' || action.type === 'back' || action.type === 'end';
    if (leftStep && prev.attemptId !== null) {
      const board = readBoard(doc);
      const score = options.score?.(board);
      pushSnapshot(doc, {
        attemptId: prev.attemptId,
        stepId: STEP_IDS[prev.stepIndex]!,
        at: now,
        board,
        ...(typeof score === 'number' && Number.isFinite(score) && { score }),
      });
    }
  }, origin);
  return next;
};
