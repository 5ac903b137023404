import { decodeBoard } from '@shared/board/codec';
import { STEPS, type StepId } from '@shared/framework/steps';
import { formatMinutes } from '@shared/interview/format';
import type { AttemptRecord } from '@shared/interview/history';
import { averageStepScores, mostMissedRules, stepTimes, weakestStep } from '@shared/interview/progress';
import type { Rubric } from '@shared/rubric';
import { isMissed } from '@shared/rules/missed';
import { scoreBoard } from '@shared/rules/score';
import { useMemo, useState } from 'react';
import { Modal } from '../ui/Modal';
import { AttemptTable } from './AttemptTable';
import { useHistory } from './historyStore';
import { ScoreChart } from './replay/ScoreChart';
import { StepTimesTable } from './StepTimesTable';
import { replayToOpen, useAttemptFiles } from './useAttemptFiles';

export interface ProgressPageProps {
  /** The rubric of a question (built-in or the user's), for hints and to rescore attempts kept without their missed rules. */
  readonly rubricFor: (question: string) => Rubric | null;
  readonly onOpenBoard: (record: AttemptRecord) => void;
  readonly onShowScorecard: (record: AttemptRecord) => void;
  readonly onReplay: (record: AttemptRecord) => void;
  /** Starts a short mock of one step of a question. */
  readonly onDrill: (question: string, step: StepId) => void;
  readonly onClose: () => void;
}

const STEP_COLOURS: Record<StepId, string> = {
  understand: 'var(--cat-network)',
  scope: 'var(--cat-compute)',
  high_level: 'var(--cat-storage)',
  deep_dive: 'var(--cat-messaging)',
  bottlenecks: 'var(--cat-other)',
};
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const titleOf = (step: StepId) => STEPS.find((s) => s.id === step)?.title ?? step;

/**
 * History as a progress page: per question (or over all of them) the score of
 * each attempt over time, overall and per step; time per step against the
 * plan; the rules missed most often, each with its hint; "drill this" on the
 * weakest step; and every attempt with its scorecard, replay and board.
 */
export function ProgressPage({ rubricFor, onOpenBoard, onShowScorecard, onReplay, onDrill, onClose }: ProgressPageProps) {
  const { attempts, loaded } = useHistory();
  const files = useAttemptFiles();
  const questions = useMemo(() => [...new Set(attempts.map((a) => a.question))].sort(), [attempts]);
  const [picked, setPicked] = useState<string>('');
  const question = picked !== '' && questions.includes(picked) ? picked : questions.length === 1 ? questions[0]! : '';
  const shown = useMemo(
    () => (question === '' ? attempts : attempts.filter((a) => a.question === question)),
    [attempts, question],
  );
  const titleFor = (q: string) => attempts.find((a) => a.question === q)?.title ?? q;

  const missedOf = useMemo(() => {
    const cache = new Map<string, readonly string[] | null>();
    return (a: AttemptRecord): readonly string[] | null => {
      if (a.missed) return a.missed;
      if (!cache.has(a.id)) {
        const rubric = rubricFor(a.question);
        const decoded = rubric ? decodeBoard(a.boardFile) : null;
        cache.set(
          a.id,
          rubric && decoded?.ok
            ? scoreBoard(decoded.board, rubric)
                .rules.filter(isMissed)
                .map((r) => r.id)
            : null,
        );
      }
      return cache.get(a.id) ?? null;
    };
  }, [rubricFor]);
  const missed = useMemo(() => mostMissedRules(shown, missedOf).slice(0, 6), [shown, missedOf]);
  const weakest = useMemo(() => (question === '' ? null : weakestStep(shown)), [shown, question]);
  const averages = useMemo(() => averageStepScores(shown), [shown]);
  const times = useMemo(() => stepTimes(shown), [shown]);

  // Oldest first, one place per attempt: "am I getting better" reads by attempt, and two attempts an hour
  // apart would sit on top of each other on a time axis spanning weeks. The date is in the label.
  const chart = useMemo(() => {
    const ordered = [...shown].filter((a) => a.kind !== 'drill').reverse();
    const labels = ordered.map((a, i) => `#${i + 1} · ${shortDate.format(a.endedAt)}`);
    return {
      xs: ordered.map((_, i) => i + 1),
      range: [0.5, Math.max(1, ordered.length) + 0.5] as const,
      formatX: (x: number) => (Number.isInteger(x) ? (labels[x - 1] ?? '') : ''),
      series: [
        { label: 'Overall', colour: 'var(--fg)', width: 3, values: ordered.map((a) => a.percent) },
        ...STEPS.map((s) => ({
          label: s.title,
          colour: STEP_COLOURS[s.id],
          values: ordered.map((a) => a.perStep.find((p) => p.step === s.id)?.score ?? null),
        })),
      ],
    };
  }, [shown]);

  // One attempt with its replay (a coach opening what a candidate sent) goes straight to its replay.
  const importAndShow = async () => {
    const one = replayToOpen(await files.importAttempts());
    if (one) onReplay(one);
  };

  return (
    <Modal title="Progress" onClose={onClose} wide>
      <div className="progress-page" data-testid="progress-page">
        <div className="progress-toolbar">
          {questions.length > 1 && (
            <label className="history-filter">
              Question{' '}
              <select value={question} onChange={(e) => setPicked(e.target.value)} data-testid="history-filter">
                <option value="">All questions</option>
                {questions.map((q) => (
                  <option key={q} value={q}>
                    {titleFor(q)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <span className="spacer" />
          <button type="button" className="secondary" data-testid="history-import" onClick={() => void importAndShow()}>
            Import attempts…
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="history-export"
            disabled={shown.length === 0}
            onClick={() =>
              void files.exportAttempts(
                shown.map((a) => a.id),
                question || 'all',
              )
            }
          >
            Export {question ? 'these' : 'all'} attempts
          </button>
        </div>

        {!loaded ? (
          <p className="muted">Loading your attempts…</p>
        ) : attempts.length === 0 ? (
          <p className="muted">No attempts yet. Finish a mock interview and your progress shows here.</p>
        ) : (
          <>
            <section aria-label="Score of each attempt over time" className="progress-chart">
              <h3>Score of each attempt{question ? ` · ${titleFor(question)}` : ' · all questions'}</h3>
              <ScoreChart
                xs={chart.xs}
                series={chart.series}
                range={chart.range}
                formatX={chart.formatX}
                points
                height={180}
                label="Score of each attempt over time, overall and per step"
                testId="progress-chart"
              />
            </section>

            <div className="progress-columns">
              <section aria-label="Rules missed most often" data-testid="progress-missed">
                <h3>Missed most often</h3>
                {missed.length === 0 ? (
                  <p className="muted small">Nothing missed twice yet.</p>
                ) : (
                  <ul className="missed-list">
                    {missed.map((m) => {
                      const rule = rubricFor(m.question)?.rules.find((r) => r.id === m.rule);
                      return (
                        <li key={`${m.question}/${m.rule}`} data-testid={`progress-missed-${m.rule}`}>
                          <details>
                            <summary>
                              You missed <strong>{rule?.concept ?? m.rule}</strong> in {m.missed} of your {m.of}{' '}
                              {titleFor(m.question)} attempt{m.of === 1 ? '' : 's'} · <span className="link">hint</span>
                            </summary>
                            <p className="small" data-testid="progress-hint">
                              {rule?.hint ?? 'This rule is no longer in the rubric.'}
                            </p>
                          </details>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>

              <section aria-label="Time per step against the plan" data-testid="progress-times">
                <h3>Time per step (average)</h3>
                <StepTimesTable
                  testId="progress-step"
                  highlight={weakest}
                  rows={times.map((t) => ({ ...t, id: t.step, title: titleOf(t.step), score: averages[t.step] ?? null }))}
                />
                {weakest && (
                  <p className="drill">
                    Weakest: <strong>{titleOf(weakest)}</strong>{' '}
                    <button
                      type="button"
                      className="primary"
                      data-testid="progress-drill"
                      onClick={() => onDrill(question, weakest)}
                    >
                      Drill this ({formatMinutes(STEPS.find((s) => s.id === weakest)!.defaultMinutes * 60)})
                    </button>
                  </p>
                )}
                {!weakest && question === '' && <p className="muted small">Pick a question to drill its weakest step.</p>}
              </section>
            </div>

            <AttemptTable
              attempts={shown}
              onOpenBoard={onOpenBoard}
              onShowScorecard={onShowScorecard}
              onReplay={onReplay}
              onExport={(a) => void files.exportAttempts([a.id], a.question || 'attempt')}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
