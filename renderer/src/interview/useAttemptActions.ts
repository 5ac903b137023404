import { newId } from '@shared/board/doc';
import type { StepId } from '@shared/framework/steps';
import { drillDurations } from '@shared/interview/progress';
import { useCallback, useState } from 'react';
import { useBoardSession } from '../board/context';
import { timeScaleFromSearch } from './timeScale';

/**
 * "Try again" and "Drill this": both begin on a fresh board of the same
 * question (the caller's `freshBoard`, which asks first about unsaved work
 * and resolves once the board is new; it never resolves when cancelled).
 * Try again then opens the start dialog (`startRequest` changes, TimerBar
 * listens); a drill starts at once on its one step. Writes go through the
 * session's editor.
 */
export function useAttemptActions(freshBoard: (question: string) => Promise<void>) {
  const { editor } = useBoardSession();
  const [startRequest, setStartRequest] = useState(0);
  const tryAgain = useCallback(
    async (question: string) => {
      await freshBoard(question);
      setStartRequest((n) => n + 1);
    },
    [freshBoard],
  );
  const drill = useCallback(
    async (question: string, step: StepId) => {
      await freshBoard(question);
      const timeScale = timeScaleFromSearch(window.location.search);
      editor.timer({
        type: 'start',
        durations: drillDurations(step),
        attemptId: newId('attempt'),
        focus: step,
        ...(timeScale && { timeScale }),
      });
    },
    [editor, freshBoard],
  );
  return { tryAgain, drill, startRequest };
}
