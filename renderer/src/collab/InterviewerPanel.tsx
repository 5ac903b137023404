import { STEPS } from '@shared/framework/steps';
import type { Rubric } from '@shared/rubric/schema';
import type { ScoreResult } from '@shared/rules/types';
import { FEEDBACK_KEYS, type FeedbackKey, RATING_LABELS, RATINGS, readFeedback } from '@shared/session/feedback';
import type { Policy } from '@shared/session/policy';
import { useState } from 'react';
import { useBoardSession, useDocValue } from '../board/context';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const stepTitle = (key: FeedbackKey) => STEPS.find((s) => s.id === key)?.title ?? 'Overall';

interface InterviewerPanelProps {
  readonly rubric: Rubric | null;
  readonly score: ScoreResult | null;
  readonly policy: Policy;
}

/**
 * What only the interviewer sees: follow-up questions drawn from the rules the
 * candidate has not met yet, the session's settings, and a feedback form tied
 * to the rubric's steps that lands in the candidate's report.
 */
export function InterviewerPanel({ rubric, score, policy }: InterviewerPanelProps) {
  const { editor, collab } = useBoardSession();
  const feedback = useDocValue(readFeedback, sameJson);
  const [confirmSwap, setConfirmSwap] = useState(false);
  const author = collab?.presence.self.getState().name;
  const missed = score?.rules.filter((r) => !r.passed) ?? [];
  return (
    <section className="interviewer" data-testid="interviewer-panel" aria-label="Interviewer tools">
      <h2>Ask next</h2>
      {!rubric ? (
        <p className="muted">Pick a question to get follow-ups.</p>
      ) : missed.length === 0 ? (
        <p className="muted">
          Every rule is met. Push on trade-offs: {rubric.followUps[0] ?? 'what would you change at 10× the load?'}
        </p>
      ) : (
        <ol className="followups" data-testid="followups">
          {missed.slice(0, 6).map((r) => (
            <li key={r.id}>
              <span className="step-tag">{STEPS.find((s) => s.id === r.step)?.title}</span> {r.explanation}
            </li>
          ))}
          {rubric.followUps.slice(0, 3).map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ol>
      )}

      <h2>Session</h2>
      <label className="switch">
        <input
          type="checkbox"
          checked={policy.candidateSeesScore}
          onChange={(e) => editor.setPolicy({ candidateSeesScore: e.target.checked })}
          data-testid="policy-candidate-score"
        />
        Candidate sees the live score and hints
      </label>
      <label className="switch">
        <input
          type="checkbox"
          checked={policy.anyoneControlsTimer}
          onChange={(e) => editor.setPolicy({ anyoneControlsTimer: e.target.checked })}
        />
        Candidate may pause and advance the timer
      </label>

      <h2>Feedback</h2>
      <p className="muted small">Goes into the candidate’s report at the end.</p>
      {FEEDBACK_KEYS.map((key) => {
        const entry = feedback.entries[key];
        return (
          <fieldset key={key} className="feedback" data-testid={`feedback-${key}`}>
            <legend>{stepTitle(key)}</legend>
            <div className="ratings">
              {RATINGS.map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-pressed={entry?.rating === n}
                  title={`${n}: ${RATING_LABELS[n]}`}
                  aria-label={`Rate ${stepTitle(key)} ${n} of 5 (${RATING_LABELS[n]})`}
                  onClick={() => editor.setFeedback(key, { rating: entry?.rating === n ? null : n }, author)}
                >
                  {n}
                </button>
              ))}
            </div>
            <textarea
              aria-label={`Comment on ${stepTitle(key)}`}
              value={entry?.comment ?? ''}
              placeholder="What went well, what to work on"
              onChange={(e) => editor.setFeedback(key, { comment: e.target.value }, author)}
            />
          </fieldset>
        );
      })}

      {collab && (
        <>
          <h2>Next round</h2>
          {!confirmSwap ? (
            <button type="button" className="secondary" data-testid="swap-roles" onClick={() => setConfirmSwap(true)}>
              Swap roles…
            </button>
          ) : (
            <div className="confirm">
              <p>
                Start round {policy.round + 1} with the roles exchanged? The timer and this feedback reset; export the report
                first to keep it.
              </p>
              <button
                type="button"
                className="primary"
                data-testid="swap-confirm"
                onClick={() => {
                  editor.batch(() => {
                    editor.timer({ type: 'reset' });
                    editor.clearFeedback();
                    editor.setPolicy({ round: policy.round + 1 });
                  });
                  setConfirmSwap(false);
                }}
              >
                Swap roles
              </button>
              <button type="button" className="secondary" onClick={() => setConfirmSwap(false)}>
                Cancel
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
