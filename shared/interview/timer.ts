import { STEP_IDS, type StepId } from '../framework/steps';
import { DEFAULT_DURATIONS, type StepDurations } from './durations';

/**
 * The interview timer as a pure state machine. Nothing here ticks: the state
 * stores when the current running segment began, and every reading of the
 * clock (`timerView`) is computed from that timestamp and an injected `now`.
 * So a reopened app counts the time that passed while it was closed, a paused
 * timer stays paused, and the shared doc changes only when a person acts.
 */

export const TIMER_STATUSES = ['idle', 'running', 'paused', 'ended'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

export const LAST_STEP = STEP_IDS.length - 1;
/** What "+5 min" adds to the current step. */
export const EXTENSION_SEC = 5 * 60;
/** Upper bound of the test-only speed-up, so a typo in a URL cannot make the clock meaningless. */
export const MAX_TIME_SCALE = 3600;

export interface TimerState {
  readonly status: TimerStatus;
  /** Planned interview seconds per step, before extensions. */
  readonly durations: StepDurations;
  /** Interview seconds added per step with "+5 min". */
  readonly extensions: StepDurations;
  /** Interview seconds spent per step in closed segments; the open one (since `runningSince`) is added on read. */
  readonly spent: StepDurations;
  readonly stepIndex: number;
  /** Epoch ms at which the open running segment began; null unless running. The only moving part. */
  readonly runningSince: number | null;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  /** Test-only: interview seconds per wall-clock second (60 → a 5-minute step lasts 5 s). 1 in real use. */
  readonly timeScale: number;
  /** Identifies one attempt, so snapshots and history of an earlier run are never mixed in. */
  readonly attemptId: string | null;
  /** Set for a drill of one step: the timer starts on it and the attempt is kept as a drill. */
  readonly focus?: StepId | null;
}

const ZEROS: StepDurations = [0, 0, 0, 0, 0];

export const IDLE_TIMER: TimerState = {
  status: 'idle',
  durations: DEFAULT_DURATIONS,
  extensions: ZEROS,
  spent: ZEROS,
  stepIndex: 0,
  runningSince: null,
  startedAt: null,
  endedAt: null,
  timeScale: 1,
  attemptId: null,
};

export type TimerAction =
  | {
      readonly type: 'start';
      readonly durations: StepDurations;
      readonly attemptId: string;
      readonly timeScale?: number;
      /** A drill: start on this step (give the others no time). */
      readonly focus?: StepId;
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'extend'; readonly seconds?: number }
  | { readonly type: 'end' }
  | { readonly type: 'reset' };

const isLive = (s: TimerState): boolean => s.status === 'running' || s.status === 'paused';

/** Interview seconds of the open segment; a clock that went backwards (or a peer's ahead) counts as zero. */
export const openSegmentSec = (s: TimerState, now: number): number =>
  s.status === 'running' && s.runningSince !== null ? (Math.max(0, now - s.runningSince) / 1000) * s.timeScale : 0;

const withAt = (arr: StepDurations, i: number, add: number): StepDurations =>
  arr.map((v, j) => (j === i ? v + add : v)) as unknown as StepDurations;

/** Closes the open segment into `spent` (and reopens it at `now` if running). */
const settle = (s: TimerState, now: number): TimerState => {
  if (s.status !== 'running') return s;
  return { ...s, spent: withAt(s.spent, s.stepIndex, openSegmentSec(s, now)), runningSince: now };
};

const clampScale = (x: number | undefined): number =>
  x === undefined || !Number.isFinite(x) || x <= 0 ? 1 : Math.min(x, MAX_TIME_SCALE);

/** Starts a fresh attempt at step 1, running. Works from any status: it replaces whatever ran before. */
export const startTimer = (
  durations: StepDurations,
  now: number,
  attemptId: string,
  timeScale?: number,
  focus?: StepId,
): TimerState => ({
  ...IDLE_TIMER,
  status: 'running',
  durations,
  runningSince: now,
  startedAt: now,
  timeScale: clampScale(timeScale),
  attemptId,
  ...(focus && { focus, stepIndex: STEP_IDS.indexOf(focus) }),
});

export const pauseTimer = (s: TimerState, now: number): TimerState =>
  s.status !== 'running' ? s : { ...settle(s, now), status: 'paused', runningSince: null };

export const resumeTimer = (s: TimerState, now: number): TimerState =>
  s.status !== 'paused' ? s : { ...s, status: 'running', runningSince: now };

/** Moves to another step; a paused timer stays paused. Time already spent on a step is kept if you come back. */
const goTo = (s: TimerState, index: number, now: number): TimerState => {
  if (!isLive(s) || index < 0 || index > LAST_STEP || index === s.stepIndex) return s;
  return { ...settle(s, now), stepIndex: index };
};

export const nextStep = (s: TimerState, now: number): TimerState => goTo(s, s.stepIndex + 1, now);
export const previousStep = (s: TimerState, now: number): TimerState => goTo(s, s.stepIndex - 1, now);

/** Adds time to the current step (default five minutes); the plan grows, the time spent does not change. */
export const extendStep = (s: TimerState, now: number, seconds = EXTENSION_SEC): TimerState =>
  !isLive(s) || !(seconds > 0) ? s : { ...settle(s, now), extensions: withAt(s.extensions, s.stepIndex, seconds) };

export const endTimer = (s: TimerState, now: number): TimerState =>
  !isLive(s) ? s : { ...settle(s, now), status: 'ended', runningSince: null, endedAt: now };

/** Applies one action. Returns the same object when the action does not apply, so callers can skip the write. */
export const reduceTimer = (s: TimerState, action: TimerAction, now: number): TimerState => {
  switch (action.type) {
    case 'start':
      return startTimer(action.durations, now, action.attemptId, action.timeScale, action.focus);
    case 'pause':
      return pauseTimer(s, now);
    case 'resume':
      return resumeTimer(s, now);
    case 'next':
      return nextStep(s, now);
    case 'back':
      return previousStep(s, now);
    case 'extend':
      return extendStep(s, now, action.seconds);
    case 'end':
      return endTimer(s, now);
    case 'reset':
      return s.status === 'idle' ? s : IDLE_TIMER;
  }
};
