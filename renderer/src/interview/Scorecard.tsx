import { encodeBoard } from '@shared/board/codec';
import { readBoard } from '@shared/board/doc';
import { attemptRecord } from '@shared/interview/history';
import { latestPerStep, readSnapshots, type StepSnapshot } from '@shared/interview/snapshots';
import { timerView } from '@shared/interview/timerView';
import { useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { useDocValue } from '../board/context';
import { toast } from '../ui/toasts';
import { useHistoryService } from './historyStore';
import { ScorecardView } from './ScorecardView';
import type { ScoreFn } from './scoring';
import { hasRecording } from './useTimelineRecorder';
import { useTimerState } from './useTimer';

export interface ScorecardProps {
  /** Scores the final board; without it (or for a free design) the scorecard shows timing only. */
  readonly score?: ScoreFn;
  /** The question's title for the history, e.g. "URL shortener"; defaults to the board's question id. */
  readonly title?: string;
  /** Opens the replay of this attempt. */
  readonly onReplay?: (attemptId: string) => void;
  /** Exports the report of the board (HTML). */
  readonly onExportReport?: () => void;
  /** Same question, fresh board, ready to start again. */
  readonly onTryAgain?: () => void;
  readonly onClose: () => void;
}

const allSnapshots = (doc: Y.Doc): StepSnapshot[] => readSnapshots(doc);
/** Snapshots are only appended or cleared, so identity is (attempt, step, time) per entry. */
const sameSnapshots = (a: StepSnapshot[], b: StepSnapshot[]) =>
  a.length === b.length && a.every((s, i) => s.attemptId === b[i]!.attemptId && s.at === b[i]!.at && s.stepId === b[i]!.stepId);

/**
 * The end screen of the live mock. Opening it for an ended interview records
 * the attempt in the history (once per attempt: records are keyed by the
 * attempt id), with its replay when this window recorded one.
 */
export function Scorecard({ score, title, onReplay, onExportReport, onTryAgain, onClose }: ScorecardProps) {
  const timer = useTimerState();
  const history = useHistoryService();
  const liveBoard = useDocValue(readBoard);
  const snapshotsAll = useDocValue(allSnapshots, sameSnapshots);
  const mine = useMemo(() => snapshotsAll.filter((s) => s.attemptId === timer.attemptId), [snapshotsAll, timer.attemptId]);
  // Score the board as it stood when the interview ended (its last snapshot), not as edited since.
  const board = mine.find((s) => s.at === timer.endedAt)?.board ?? liveBoard;
  const result = useMemo(() => score?.(board) ?? null, [score, board]);
  const view = timerView(timer, timer.endedAt ?? Date.now());
  const snapshots = useMemo(() => latestPerStep(mine), [mine]);
  const name = title ?? board.question ?? 'Free design';
  const replayable = hasRecording(timer.attemptId);

  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (timer.status !== 'ended' || recorded.current === timer.attemptId) return;
    const record = attemptRecord({
      timer,
      question: board.question ?? '',
      title: name,
      boardFile: encodeBoard(board),
      score: result,
      now: Date.now(),
      replay: hasRecording(timer.attemptId),
      ...(timer.focus && { focus: timer.focus }),
    });
    if (!record) return;
    recorded.current = record.id;
    history.record(record).catch((err: unknown) => toast.error(err instanceof Error ? err.message : String(err)));
  }, [timer, board, result, name, history]);

  const attemptId = timer.attemptId;
  return (
    <ScorecardView
      title={name}
      result={result}
      steps={view.steps}
      snapshots={snapshots}
      onClose={onClose}
      actions={
        <>
          {onReplay && attemptId && replayable && (
            <button type="button" className="primary" data-testid="scorecard-replay" onClick={() => onReplay(attemptId)}>
              Replay
            </button>
          )}
          {onExportReport && (
            <button type="button" className="secondary" data-testid="scorecard-export-report" onClick={onExportReport}>
              Export report
            </button>
          )}
          {onTryAgain && (
            <button type="button" className="secondary" data-testid="scorecard-try-again" onClick={onTryAgain}>
              Try again
            </button>
          )}
        </>
      }
    />
  );
}
