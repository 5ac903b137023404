import { STEPS, type StepId } from '@shared/framework/steps';
import { useEffect, useState } from 'react';
import { useBoardSession } from '../board/context';
import { EstimateCalculator } from './EstimateCalculator';
import { NotesEditor } from './NotesEditor';
import { useTimerState } from './useTimer';

export interface StepPanelProps {
  /** Show the estimate calculator under the scope step (default true). */
  readonly calculator?: boolean;
}

/**
 * The current step's prompts and notes, with tabs to read or amend the other
 * steps' notes. Follows the timer: when the step changes (here or at a
 * partner's), the panel turns to it.
 */
export function StepPanel({ calculator = true }: StepPanelProps) {
  const readOnly = useBoardSession().editor.readOnly;
  const timer = useTimerState();
  const current = STEPS[timer.stepIndex]!.id;
  const [shown, setShown] = useState<StepId>(current);
  useEffect(() => setShown(current), [current]);
  const step = STEPS.find((s) => s.id === shown)!;
  const live = timer.status === 'running' || timer.status === 'paused';

  return (
    <section className="step-panel" aria-label="Interview steps" data-testid="step-panel">
      <div className="step-tabs" role="tablist" aria-label="Steps">
        {STEPS.map((s, i) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`step-tab-${s.id}`}
            aria-selected={s.id === shown}
            aria-controls="step-tabpanel"
            className="step-tab"
            data-current={(live && s.id === current) || undefined}
            data-testid={`step-tab-${s.id}`}
            title={s.title}
            onClick={() => setShown(s.id)}
          >
            {i + 1}
            <span className="step-tab-name">{shortName(s.id)}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id="step-tabpanel" aria-labelledby={`step-tab-${shown}`} className="step-body">
        <h3>
          {step.title}
          {live && step.id === current && <span className="badge">now</span>}
        </h3>
        <p className="muted small">{step.summary}</p>
        <ul className="step-prompts">
          {step.prompts.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <NotesEditor key={step.id} step={step.id} label={`Notes for ${step.title}`} readOnly={readOnly} />
        {calculator && step.id === 'scope' && (
          <details className="calc-details" open>
            <summary>Estimate calculator</summary>
            <EstimateCalculator readOnly={readOnly} />
          </details>
        )}
      </div>
    </section>
  );
}

const SHORT: Readonly<Record<StepId, string>> = {
  understand: 'Understand',
  scope: 'Scope',
  high_level: 'High level',
  deep_dive: 'Deep dive',
  bottlenecks: 'Bottlenecks',
};
const shortName = (id: StepId) => SHORT[id];
