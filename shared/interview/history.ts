import { z } from 'zod';
import { STEP_IDS, type StepId } from '../framework/steps';
import { isMissed } from '../rules/missed';
import type { Band, ScoreResult } from '../rules/types';
import type { TimerState } from './timer';
import { timerView } from './timerView';

/**
 * The local history of finished mock interviews. Pure: the renderer decides
 * where the JSON lives (localStorage, IndexedDB) and calls these to read,
 * add and list. A record carries the board file text, so an attempt can be
 * reopened exactly as it ended.
 */
export const HISTORY_FORMAT = 'archdrill.history';
export const HISTORY_VERSION = 1;
/** Oldest attempts are dropped beyond this, so the store (a few KB each) stays well under browser quotas. */
export const HISTORY_LIMIT = 200;

const BAND_VALUES = ['strong', 'acceptable', 'weak'] as const satisfies readonly Band[];

const stepRecordSchema = z.object({
  step: z.enum(STEP_IDS),
  plannedSec: z.number().min(0),
  spentSec: z.number().min(0),
  /** 0–100; null when the rubric has no rules for the step or nothing was scored. */
  score: z.number().min(0).max(100).nullable(),
});

/** Attempt ids name files on the desktop, so they keep to letters, digits, `_` and `-`. */
export const attemptIdSchema = z.string().regex(/^[\w-]{1,100}$/, 'must be an attempt id (letters, digits, _ and -)');

export const ATTEMPT_KINDS = ['mock', 'drill'] as const;

export const attemptRecordSchema = z.object({
  id: attemptIdSchema,
  /** Rubric id, e.g. `url-shortener`; empty for a free-form practice. */
  question: z.string(),
  title: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  durationSec: z.number().min(0),
  /** Overall score 0–100; null when the question had no rubric. */
  percent: z.number().min(0).max(100).nullable(),
  band: z.enum(BAND_VALUES).nullable(),
  perStep: z.array(stepRecordSchema),
  /** The board file (encodeBoard) as it was at the end, to reopen it. */
  boardFile: z.string().max(5_000_000),
  /** Ids of the rubric rules not met at the end (absent in attempts kept before it was recorded: rescore the board). */
  missed: z.array(z.string().max(200)).max(1000).optional(),
  /** A full mock, or a short drill of one step ("drill this" on the progress page). */
  kind: z.enum(ATTEMPT_KINDS).optional(),
  /** The step a drill practised. */
  focus: z.enum(STEP_IDS).optional(),
  /** Whether a replay (timeline) was kept with the attempt. */
  replay: z.boolean().optional(),
});

export type AttemptRecord = z.infer<typeof attemptRecordSchema>;
export type StepRecord = z.infer<typeof stepRecordSchema>;

export interface History {
  readonly attempts: readonly AttemptRecord[];
}

export const EMPTY_HISTORY: History = { attempts: [] };

export interface ParsedHistory {
  readonly history: History;
  /** Entries that failed validation and were left out. */
  readonly dropped: number;
  /** Set when the whole text was unreadable (not JSON, wrong format, newer version). */
  readonly error?: string;
}

const envelopeSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  version: z.number().int(),
  attempts: z.array(z.unknown()),
});

/**
 * Reads stored history text. Never throws: a corrupt entry is dropped and
 * counted, a corrupt file reads as empty with a one-line `error`.
 */
export const parseHistory = (text: string | null | undefined): ParsedHistory => {
  if (text == null || text.trim() === '') return { history: EMPTY_HISTORY, dropped: 0 };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { history: EMPTY_HISTORY, dropped: 0, error: 'the attempt history is not valid JSON; starting a new one' };
  }
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) return { history: EMPTY_HISTORY, dropped: 0, error: 'the attempt history is not in the expected format' };
  if (env.data.version > HISTORY_VERSION)
    return { history: EMPTY_HISTORY, dropped: 0, error: `the attempt history is version ${env.data.version}; update Archdrill` };
  const attempts: AttemptRecord[] = [];
  let dropped = 0;
  for (const item of env.data.attempts) {
    const r = attemptRecordSchema.safeParse(item);
    if (r.success) attempts.push(r.data);
    else dropped++;
  }
  return { history: { attempts: sortAttempts(attempts) }, dropped };
};

export const serializeHistory = (h: History): string =>
  JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, attempts: h.attempts });

/** Newest first (by end time, then id for a stable order). */
export const sortAttempts = (attempts: readonly AttemptRecord[]): AttemptRecord[] =>
  [...attempts].sort((a, b) => b.endedAt - a.endedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Adds (or replaces, by id: two peers may both record the same attempt) and keeps the newest HISTORY_LIMIT. */
export const addAttempt = (h: History, record: AttemptRecord, limit = HISTORY_LIMIT): History => ({
  attempts: sortAttempts([record, ...h.attempts.filter((a) => a.id !== record.id)]).slice(0, limit),
});

export const removeAttempt = (h: History, id: string): History =>
  h.attempts.some((a) => a.id === id) ? { attempts: h.attempts.filter((a) => a.id !== id) } : h;

/** Attempts at one question, newest first: "how did I do on the URL shortener last time?" */
export const attemptsFor = (h: History, question: string): AttemptRecord[] => h.attempts.filter((a) => a.question === question);

export interface AttemptInput {
  readonly timer: TimerState;
  readonly question: string;
  readonly title: string;
  readonly boardFile: string;
  /** The final score; null when the question has no rubric. */
  readonly score: ScoreResult | null;
  /** Used when the timer never recorded an end (it is still live). */
  readonly now: number;
  /** Set for a drill of one step. */
  readonly focus?: StepId;
  readonly replay?: boolean;
}

/** Builds the history record of an attempt from the timer and the final score. Null before the timer started. */
export const attemptRecord = (input: AttemptInput): AttemptRecord | null => {
  const { timer, score } = input;
  if (timer.attemptId === null || timer.startedAt === null) return null;
  const endedAt = timer.endedAt ?? input.now;
  const view = timerView(timer, endedAt);
  const stepPercent = new Map<StepId, number>();
  for (const s of score?.steps ?? []) if (s.possible > 0) stepPercent.set(s.step, s.percent);
  return {
    id: timer.attemptId,
    question: input.question,
    title: input.title,
    startedAt: timer.startedAt,
    endedAt,
    durationSec: Math.round(view.totalSpentSec),
    percent: score ? score.percent : null,
    band: score ? score.band : null,
    perStep: view.steps.map((s) => ({
      step: s.id,
      plannedSec: s.plannedSec,
      spentSec: Math.round(s.spentSec),
      score: stepPercent.get(s.id) ?? null,
    })),
    boardFile: input.boardFile,
    ...(score && { missed: score.rules.filter(isMissed).map((r) => r.id) }),
    kind: input.focus ? 'drill' : 'mock',
    ...(input.focus && { focus: input.focus }),
    ...(input.replay !== undefined && { replay: input.replay }),
  };
};
