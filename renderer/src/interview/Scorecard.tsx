import { encodeBoard } from '@shared/board/codec';
import { readBoard } from '@shared/board/doc';
import { STEPS, type StepId } from '@shared/framework/steps';
import { formatClock, formatMinutes } from '@shared/interview/format';
import { attemptRecord } from '@shared/interview/history';
import { latestPerStep, readSnapshots, type StepSnapshot } from '@shared/interview/snapshots';
import { timerView } from '@shared/interview/timerView';
import type { RuleResult } from '@shared/rules/types';
import { useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { useDocValue } from '../board/context';
import { Modal } from '../ui/Modal';
import { toast } from '../ui/toasts';
import { BoardThumbnail } from './BoardThumbnail';
import { recordAttempt } from './historyStore';
import type { ScoreFn } from './scoring';
import { useTimerState } from './useTimer';

export interface ScorecardProps {
  /** Scores the final board; without it (or for a free design) the scorecard shows timing only. */
  readonly score?: ScoreFn;
  /** The question's title for the history, e.g. "URL shortener"; defaults to the board's question id. */
  readonly title?: string;
  readonly onClose: () => void;
}

const allSnapshots = (doc: Y.Doc): StepSnapshot[] => readSnapshots(doc);
/** Snapshots are only appended or cleared, so identity is (attempt, step, time) per entry. */
const sameSnapshots = (a: StepSnapshot[], b: StepSnapshot[]) =>
  a.length === b.length && a.every((s, i) => s.attemptId === b[i]!.attemptId && s.at === b[i]!.at && s.stepId === b[i]!.stepId);

/**
 * The end screen: the overall and per-step scores, time planned vs spent per
 * step, every missed rule with its hint, and the board as it stood when each
 * step was left. Opening it for an ended interview records the attempt in the
 * local history (once per attempt: records are keyed by the attempt id).
 */
export function Scorecard({ score, title, onClose }: ScorecardProps) {
  const timer = useTimerState();
  const liveBoard = useDocValue(readBoard);
  const snapshotsAll = useDocValue(allSnapshots, sameSnapshots);
  const mine = useMemo(() => snapshotsAll.filter((s) => s.attemptId === timer.attemptId), [snapshotsAll, timer.attemptId]);
  // Score the board as it stood when the interview ended (its last snapshot), not as edited since.
  const board = mine.find((s) => s.at === timer.endedAt)?.board ?? liveBoard;
  const result = useMemo(() => score?.(board) ?? null, [score, board]);
  const view = timerView(timer, timer.endedAt ?? Date.now());
  const snapshots = useMemo(() => latestPerStep(mine), [mine]);
  const stepScore = new Map(result?.steps.filter((s) => s.possible > 0).map((s) => [s.step, s.percent]));
  const missed = result?.rules.filter((r) => !r.passed) ?? [];
  const passed = result ? result.rules.length - missed.length : 0;
  const name = title ?? board.question ?? 'Free design';

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
    });
    if (!record) return;
    recorded.current = record.id;
    try {
      recordAttempt(record);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : String(err));
    }
  }, [timer, board, result, name]);

  return (
    <Modal title={`Scorecard · ${name}`} onClose={onClose} wide>
      <div className="scorecard" data-testid="scorecard">
        <div className="scorecard-summary">
          {result ? (
            <div className="score-big" data-band={result.band} data-testid="scorecard-overall">
              <strong>{result.percent}%</strong>
              <span>{result.band}</span>
            </div>
          ) : (
            <p className="muted" data-testid="scorecard-overall">
              No rubric for this board: timing only.
            </p>
          )}
          <dl className="scorecard-facts">
            <dt>Time</dt>
            <dd data-testid="scorecard-time">
              {formatMinutes(view.totalSpentSec)} of {formatMinutes(view.totalPlannedSec)} planned
            </dd>
            {result && (
              <>
                <dt>Rules</dt>
                <dd>
                  {passed} of {result.rules.length} met
                </dd>
              </>
            )}
          </dl>
        </div>

        <table className="scorecard-steps">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Planned</th>
              <th scope="col">Spent</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {view.steps.map((s) => (
              <tr key={s.id} data-testid={`scorecard-step-${s.id}`}>
                <th scope="row">{s.title}</th>
                <td>{formatClock(s.plannedSec)}</td>
                <td data-overtime={s.overtime || undefined}>
                  {formatClock(s.spentSec)}
                  {s.overtime && <span className="small"> (+{formatClock(-s.remainingSec)})</span>}
                </td>
                <td>{stepScore.has(s.id) ? `${stepScore.get(s.id)}%` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>

        {missed.length > 0 && (
          <section aria-label="Missed rules" data-testid="scorecard-missed">
            <h3>What to add next time</h3>
            {STEPS.map((step) => (
              <MissedForStep key={step.id} step={step.id} title={step.title} rules={missed} />
            ))}
          </section>
        )}

        <section aria-label="How the design grew" data-testid="scorecard-snapshots">
          <h3>How the design grew</h3>
          {snapshots.length === 0 ? (
            <p className="muted small">No step snapshots: they are kept each time you move to the next step.</p>
          ) : (
            <ol className="snapshot-row">
              {snapshots.map((s) => {
                const info = STEPS.find((x) => x.id === s.stepId)!;
                return (
                  <li key={s.stepId} data-testid={`scorecard-snapshot-${s.stepId}`}>
                    <BoardThumbnail board={s.board} label={`The board after ${info.title}`} />
                    <span className="small">
                      After {info.title.toLowerCase()}
                      {s.score !== undefined && <strong> · {s.score}%</strong>}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>
    </Modal>
  );
}

function MissedForStep({ step, title, rules }: { step: StepId; title: string; rules: readonly RuleResult[] }) {
  const mine = rules.filter((r) => r.step === step);
  if (mine.length === 0) return null;
  return (
    <div className="missed-step">
      <h4>{title}</h4>
      <ul>
        {mine.map((r) => (
          <li key={r.id} data-testid={`scorecard-missed-${r.id}`}>
            {r.explanation}
            {r.concept && <span className="muted small"> ({r.concept})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
