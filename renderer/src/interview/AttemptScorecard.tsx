import { decodeBoard } from '@shared/board/codec';
import { STEPS } from '@shared/framework/steps';
import type { AttemptRecord } from '@shared/interview/history';
import { createReplay } from '@shared/interview/replay';
import { latestPerStep, readSnapshots, type StepSnapshot } from '@shared/interview/snapshots';
import type { Rubric } from '@shared/rubric';
import { useEffect, useMemo, useState } from 'react';
import { useHistoryService } from './historyStore';
import { ScorecardView } from './ScorecardView';
import { scorerFor } from './scoring';

export interface AttemptScorecardProps {
  readonly record: AttemptRecord;
  /** The question's rubric (as it is now), to score the attempt; null for a free design. */
  readonly rubric: Rubric | null;
  readonly onReplay?: (record: AttemptRecord) => void;
  readonly onExportReport?: (record: AttemptRecord) => void;
  readonly onTryAgain?: (record: AttemptRecord) => void;
  readonly onClose: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * The scorecard of an attempt reopened from History: its final board scored
 * again, its time per step as recorded, and — when its replay was kept — the
 * board as each step was left (the snapshots in the replay's last state).
 */
export function AttemptScorecard({ record, rubric, onReplay, onExportReport, onTryAgain, onClose }: AttemptScorecardProps) {
  const history = useHistoryService();
  const score = useMemo(() => scorerFor(rubric), [rubric]);
  const board = useMemo(() => {
    const d = decodeBoard(record.boardFile);
    return d.ok ? d.board : null;
  }, [record.boardFile]);
  const result = useMemo(() => (board && score?.(board)) ?? null, [board, score]);
  const [snapshots, setSnapshots] = useState<StepSnapshot[]>([]);
  useEffect(() => {
    let live = true;
    void history.replay(record.id).then((t) => {
      if (!t || !live) return;
      const replay = createReplay(t);
      setSnapshots(latestPerStep(readSnapshots(replay.docAt(replay.length), record.id)));
    });
    return () => {
      live = false;
    };
  }, [history, record.id]);
  const steps = record.perStep.map((s) => ({
    id: s.step,
    title: STEPS.find((x) => x.id === s.step)?.title ?? s.step,
    plannedSec: s.plannedSec,
    spentSec: s.spentSec,
  }));
  return (
    <ScorecardView
      title={record.title}
      subtitle={`${record.kind === 'drill' ? 'Drill' : 'Mock interview'} of ${dateFormat.format(record.endedAt)}`}
      result={result}
      steps={steps}
      snapshots={snapshots}
      onClose={onClose}
      actions={
        <>
          {onReplay && record.replay && (
            <button type="button" className="primary" data-testid="scorecard-replay" onClick={() => onReplay(record)}>
              Replay
            </button>
          )}
          {onExportReport && (
            <button
              type="button"
              className="secondary"
              data-testid="scorecard-export-report"
              onClick={() => onExportReport(record)}
            >
              Export report
            </button>
          )}
          {onTryAgain && (
            <button type="button" className="secondary" data-testid="scorecard-try-again" onClick={() => onTryAgain(record)}>
              Try again
            </button>
          )}
        </>
      }
    />
  );
}
