import { STEPS, type StepId } from '@shared/framework/steps';
import { formatMinutes } from '@shared/interview/format';
import type { StepSnapshot } from '@shared/interview/snapshots';
import { isMissed } from '@shared/rules/missed';
import type { RuleResult, ScoreResult } from '@shared/rules/types';
import type { ReactNode } from 'react';
import { Modal } from '../ui/Modal';
import { BoardThumbnail } from './BoardThumbnail';
import { StepTimesTable } from './StepTimesTable';

/** One row of the plan-against-time table. */
export interface ScorecardStep {
  readonly id: StepId;
  readonly title: string;
  readonly plannedSec: number;
  readonly spentSec: number;
}

export interface ScorecardViewProps {
  readonly title: string;
  readonly result: ScoreResult | null;
  readonly steps: readonly ScorecardStep[];
  /** One per step: the board as the step was left. */
  readonly snapshots: readonly StepSnapshot[];
  /** The buttons under the summary (Replay, Export report, Try again…). */
  readonly actions?: ReactNode;
  /** Says when the attempt was, for one reopened from History. */
  readonly subtitle?: string;
  readonly onClose: () => void;
}

/**
 * The end screen of an attempt, from whatever kept it (the live doc at the
 * end of a mock, or a record in History): the overall and per-step scores,
 * time planned vs spent per step, every missed rule with its hint, and the
 * board as it stood when each step was left.
 */
export function ScorecardView({ title, result, steps, snapshots, actions, subtitle, onClose }: ScorecardViewProps) {
  const stepScore = new Map(result?.steps.filter((s) => s.possible > 0).map((s) => [s.step, s.percent]));
  const missed = result?.rules.filter(isMissed) ?? [];
  const passed = result ? result.rules.length - missed.length : 0;
  const totalSpent = steps.reduce((a, s) => a + s.spentSec, 0);
  const totalPlanned = steps.reduce((a, s) => a + s.plannedSec, 0);

  return (
    <Modal title={`Scorecard · ${title}`} onClose={onClose} wide>
      <div className="scorecard" data-testid="scorecard">
        {subtitle && <p className="muted small">{subtitle}</p>}
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
              {formatMinutes(totalSpent)} of {formatMinutes(totalPlanned)} planned
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
          {actions && <div className="scorecard-actions">{actions}</div>}
        </div>

        <StepTimesTable
          testId="scorecard-step"
          showOver
          rows={steps.map((s) => ({ ...s, score: stepScore.get(s.id) ?? null }))}
        />

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
