import { newId } from '@shared/board/doc';
import type { StepId } from '@shared/framework/steps';
import { drillDurations } from '@shared/interview/progress';
import { applyTimer } from '@shared/interview/timerDoc';
import { useCallback, useState } from 'react';
import { useBoardSession } from '../board/context';
import { timeScaleFromSearch } from './timeScale';

/**
 * "Try again" and "Drill this": both begin on a fresh board of the same
 * question (through the caller's New board, so its unsaved-changes rules
 * apply). Try again then opens the start dialog (`startRequest` changes,
 * TimerBar listens); a drill starts at once on its one step.
 */
export function useAttemptActions(newBoard: (question?: string) => unknown) {
  const { doc, origin } = useBoardSession();
  const [startRequest, setStartRequest] = useState(0);
  const fresh = useCallback(
    async (question: string) => {
      await newBoard(question || undefined);
      applyTimer(doc, { type: 'reset' }, Date.now(), origin);
    },
    [doc, origin, newBoard],
  );
  const tryAgain = useCallback(
    async (question: string) => {
      await fresh(question);
      setStartRequest((n) => n + 1);
    },
    [fresh],
  );
  const drill = useCallback(
    async (question: string, step: StepId) => {
      await fresh(question);
      const timeScale = timeScaleFromSearch(window.location.search);
      applyTimer(
        doc,
        {
          type: 'start',
          durations: drillDurations(step),
          attemptId: newId('attempt'),
          focus: step,
          ...(timeScale && { timeScale }),
        },
        Date.now(),
        origin,
      );
    },
    [doc, origin, fresh],
  );
  return { tryAgain, drill, startRequest };
}
