import { STEPS, type StepId } from '../framework/steps';
import { openSegmentSec, type TimerState, type TimerStatus } from './timer';

/** One step of the plan as the timer bar and the scorecard show it. */
export interface StepView {
  readonly id: StepId;
  readonly title: string;
  readonly index: number;
  /** Planned interview seconds, extensions included. */
  readonly plannedSec: number;
  readonly spentSec: number;
  /** planned − spent; negative once the step runs over. */
  readonly remainingSec: number;
  readonly overtime: boolean;
  /** spent / planned, clamped to 0–1: how full this step's segment of the progress strip is. */
  readonly progress: number;
  readonly phase: 'done' | 'current' | 'upcoming';
}

/** Everything the UI shows about the timer at one instant; derived, never stored. */
export interface TimerView {
  readonly status: TimerStatus;
  readonly stepIndex: number;
  readonly current: StepView;
  readonly steps: readonly StepView[];
  /** The current step's remaining seconds; negative in overtime. */
  readonly remainingSec: number;
  /** The current step has run past its plan: shown, never hidden, and the app does not move on by itself. */
  readonly overtime: boolean;
  /** The current step's time is up (remaining ≤ 0) while the interview is live: the cue to move on. */
  readonly stepTimeUp: boolean;
  /**
   * Identifies this time-up event while it lasts (attempt, step, plan), null otherwise.
   * The UI plays its sound once per key: "+5 min" then running over again is a new event.
   */
  readonly timeUpKey: string | null;
  readonly totalPlannedSec: number;
  readonly totalSpentSec: number;
  /** The interview clock: planned total − spent total; negative past the end of the plan. */
  readonly totalRemainingSec: number;
  readonly canBack: boolean;
  readonly canNext: boolean;
}

export const timerView = (s: TimerState, now: number): TimerView => {
  const open = openSegmentSec(s, now);
  const steps: StepView[] = STEPS.map((info, index) => {
    const plannedSec = s.durations[index]! + s.extensions[index]!;
    const spentSec = s.spent[index]! + (index === s.stepIndex ? open : 0);
    const remainingSec = plannedSec - spentSec;
    return {
      id: info.id,
      title: info.title,
      index,
      plannedSec,
      spentSec,
      remainingSec,
      overtime: remainingSec < 0,
      progress: plannedSec > 0 ? Math.min(1, Math.max(0, spentSec / plannedSec)) : 1,
      phase: index < s.stepIndex ? 'done' : index === s.stepIndex ? 'current' : 'upcoming',
    };
  });
  const current = steps[s.stepIndex]!;
  const live = s.status === 'running' || s.status === 'paused';
  const stepTimeUp = live && current.remainingSec <= 0;
  const totalPlannedSec = steps.reduce((a, v) => a + v.plannedSec, 0);
  const totalSpentSec = steps.reduce((a, v) => a + v.spentSec, 0);
  return {
    status: s.status,
    stepIndex: s.stepIndex,
    current,
    steps,
    remainingSec: current.remainingSec,
    overtime: current.overtime,
    stepTimeUp,
    timeUpKey: stepTimeUp ? `${s.attemptId ?? ''}:${current.id}:${current.plannedSec}` : null,
    totalPlannedSec,
    totalSpentSec,
    totalRemainingSec: totalPlannedSec - totalSpentSec,
    canBack: live && s.stepIndex > 0,
    canNext: live && s.stepIndex < steps.length - 1,
  };
};

/**
 * Milliseconds of wall-clock time until the current step's time is up, or null
 * when it will not happen on its own (not running, or already up). Lets a UI
 * schedule the cue exactly instead of polling.
 */
export const msUntilTimeUp = (s: TimerState, now: number): number | null => {
  if (s.status !== 'running') return null;
  const remaining = timerView(s, now).remainingSec;
  return remaining > 0 ? (remaining / s.timeScale) * 1000 : null;
};
