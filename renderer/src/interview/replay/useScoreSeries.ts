import type { Replay } from '@shared/interview/replay';
import { useEffect, useState } from 'react';
import type { ScoreFn } from '../scoring';

/** The score over a replay: a point where it changed (and at both ends). */
export interface ScoreSeries {
  /** Epoch ms of each point. */
  readonly at: readonly number[];
  /** 0–100, or null when there is no rubric. */
  readonly percent: readonly (number | null)[];
  /** Entry counts where the score changed, for "next/previous score change". */
  readonly changes: readonly number[];
  /** False while the background pass is still going. */
  readonly done: boolean;
}

const EMPTY: ScoreSeries = { at: [], percent: [], changes: [], done: false };
/** Work this long, then give the page a frame. */
const SLICE_MS = 12;

/**
 * Scores every moment of the replay with the same engine as the score panel,
 * in the background (short slices on its own cursor, so scrubbing never
 * waits for it), and keeps the points where the score moved. Boards that did
 * not change since the previous moment (a timer write, a presence-only entry)
 * are not scored again.
 */
export function useScoreSeries(replay: Replay, score: ScoreFn | undefined): ScoreSeries {
  const [series, setSeries] = useState<ScoreSeries>(EMPTY);
  useEffect(() => {
    const cursor = replay.cursor();
    const at: number[] = [];
    const percent: (number | null)[] = [];
    const changes: number[] = [];
    let count = 0;
    let lastBoard = '';
    let last: number | null | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const until = performance.now() + SLICE_MS;
      while (count <= replay.length && performance.now() < until) {
        const frame = cursor.frameAt(count);
        const key = JSON.stringify(frame.board);
        const value = key === lastBoard ? last! : (score?.(frame.board)?.percent ?? null);
        lastBoard = key;
        if (value !== last || count === replay.length) {
          if (last !== undefined && value !== last) changes.push(count);
          at.push(frame.at);
          percent.push(value);
          last = value;
        }
        count++;
      }
      const done = count > replay.length;
      setSeries({ at: [...at], percent: [...percent], changes: [...changes], done });
      if (!done) timer = setTimeout(step, 0);
    };
    setSeries(EMPTY);
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [replay, score]);
  return series;
}
