import { newId } from '@shared/board/doc';
import type { StepDurations } from '@shared/interview/durations';
import type { TimerAction, TimerState } from '@shared/interview/timer';
import { readTimer } from '@shared/interview/timerDoc';
import { type TimerView, timerView } from '@shared/interview/timerView';
import { useCallback } from 'react';
import { useBoardSession, useDocValue } from '../board/context';
import type { ScoreFn } from './scoring';
import { useNow } from './useNow';

const sameTimer = (a: TimerState, b: TimerState): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The shared timer state, re-read after each doc change (local or a partner's). */
export const useTimerState = (): TimerState => useDocValue(readTimer, sameTimer);

export interface TimerControls {
  readonly state: TimerState;
  /** Recomputed at 4 Hz while running, from the stored timestamps. */
  readonly view: TimerView;
  /** False for a spectator: the buttons show, disabled. */
  readonly canControl: boolean;
  readonly act: (action: Exclude<TimerAction, { type: 'start' }>) => void;
  readonly start: (durations: StepDurations, timeScale?: number) => void;
}

/**
 * The timer for a component: its state from the doc, a view that moves at
 * 4 Hz while running, and actions written with this user's origin. Leaving a
 * step keeps a snapshot of the board with its score from `score`.
 */
export function useTimer(score?: ScoreFn): TimerControls {
  const { editor } = useBoardSession();
  const state = useTimerState();
  const now = useNow(state.status === 'running');
  const canControl = !editor.readOnly;
  const act = useCallback(
    (action: TimerAction) => {
      editor.timer(action, { score: score ? (board) => score(board)?.percent ?? null : undefined });
    },
    [editor, score],
  );
  const start = useCallback(
    (durations: StepDurations, timeScale?: number) =>
      act({ type: 'start', durations, attemptId: newId('attempt'), ...(timeScale !== undefined && { timeScale }) }),
    [act],
  );
  return { state, view: timerView(state, now), canControl, act, start };
}
