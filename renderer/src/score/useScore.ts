import { observeBoard, readBoard } from '@shared/board/doc';
import type { Rubric } from '@shared/rubric/schema';
import { scoreBoard } from '@shared/rules/score';
import type { ScoreResult } from '@shared/rules/types';
import { useEffect, useState } from 'react';
import { useBoardSession } from '../board/context';

/** Runs `fn` once the doc has been quiet for `delayMs`, in idle time when the browser offers it. */
const scheduleQuietly = (fn: () => void, delayMs: number): (() => void) => {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 500 });
    else fn();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
};

/**
 * The score of the open board against `rubric`, kept fresh without making
 * drawing stutter: a transaction only (re)arms a timer, and the board is read
 * and scored once edits pause for `delayMs`. (Subscribing with
 * useDocValue(readBoard) would rebuild the board snapshot on every drag frame.)
 */
export const useScore = (rubric: Rubric | null, delayMs = 200): ScoreResult | null => {
  const { doc } = useBoardSession();
  const [result, setResult] = useState<ScoreResult | null>(() => (rubric ? scoreBoard(readBoard(doc), rubric) : null));
  useEffect(() => {
    if (!rubric) {
      setResult(null);
      return;
    }
    setResult(scoreBoard(readBoard(doc), rubric));
    let cancel: (() => void) | undefined;
    const unobserve = observeBoard(doc, () => {
      cancel?.();
      cancel = scheduleQuietly(() => setResult(scoreBoard(readBoard(doc), rubric)), delayMs);
    });
    return () => {
      unobserve();
      cancel?.();
    };
  }, [doc, rubric, delayMs]);
  return result;
};
