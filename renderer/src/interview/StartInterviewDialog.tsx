import { STEPS } from '@shared/framework/steps';
import { customDurations, PRESET_MINUTES, type StepDurations, scaleDurations, totalSeconds } from '@shared/interview/durations';
import { formatMinutes } from '@shared/interview/format';
import { useId, useMemo, useState } from 'react';
import { Modal } from '../ui/Modal';
import { timeScaleFromSearch } from './timeScale';

export interface StartInterviewDialogProps {
  readonly onClose: () => void;
  /** `timeScale` is set only by the test-only `?timescale=N` URL parameter. */
  readonly onStart: (durations: StepDurations, timeScale?: number) => void;
  /** The previous attempt's plan, offered again. */
  readonly initial?: StepDurations | undefined;
}

type Choice = { readonly kind: 'preset'; readonly minutes: number } | { readonly kind: 'custom' };

const sameAs = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

const initialChoice = (initial: StepDurations | undefined): Choice => {
  if (!initial) return { kind: 'preset', minutes: 40 };
  const total = totalSeconds(initial) / 60;
  return sameAs(initial, scaleDurations(total)) ? { kind: 'preset', minutes: total } : { kind: 'custom' };
};

/** Picks the interview length: a preset (35/40/45/60 min, scaled from the 5/5/10/15/5 plan) or minutes per step. */
export function StartInterviewDialog({ onClose, onStart, initial }: StartInterviewDialogProps) {
  const [choice, setChoice] = useState<Choice>(() => initialChoice(initial));
  const [custom, setCustom] = useState<string[]>(() =>
    (initial ?? scaleDurations(40)).map((s) => String(Math.round((s / 60) * 10) / 10)),
  );
  const timeScale = useMemo(() => timeScaleFromSearch(window.location.search), []);
  const nameId = useId();

  const customMinutes = custom.map(Number);
  const customValid = customMinutes.every((m) => Number.isFinite(m) && m >= 1 && m <= 180);
  const durations: StepDurations | null =
    choice.kind === 'preset' ? scaleDurations(choice.minutes) : customValid ? customDurations(customMinutes) : null;

  return (
    <Modal title="Start a mock interview" onClose={onClose}>
      <form
        className="start-interview"
        data-testid="start-interview"
        onSubmit={(e) => {
          e.preventDefault();
          if (durations) onStart(durations, timeScale);
        }}
      >
        <fieldset>
          <legend>Length</legend>
          <div className="preset-row">
            {PRESET_MINUTES.map((m) => (
              <label key={m} className="preset">
                <input
                  type="radio"
                  name={nameId}
                  checked={choice.kind === 'preset' && choice.minutes === m}
                  onChange={() => setChoice({ kind: 'preset', minutes: m })}
                  data-testid={`preset-${m}`}
                />
                {m} min{m === 40 && <span className="muted small"> (standard)</span>}
              </label>
            ))}
            <label className="preset">
              <input
                type="radio"
                name={nameId}
                checked={choice.kind === 'custom'}
                onChange={() => setChoice({ kind: 'custom' })}
                data-testid="preset-custom"
              />
              Custom
            </label>
          </div>
        </fieldset>

        <table className="plan-table">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {STEPS.map((step, i) => (
              <tr key={step.id}>
                <th scope="row">
                  {i + 1}. {step.title}
                </th>
                <td>
                  {choice.kind === 'custom' ? (
                    <input
                      type="number"
                      min={1}
                      max={180}
                      step={0.5}
                      aria-label={`Minutes for ${step.title}`}
                      data-testid={`custom-${step.id}`}
                      value={custom[i]}
                      onChange={(e) => setCustom((c) => c.map((v, j) => (j === i ? e.target.value : v)))}
                    />
                  ) : (
                    formatMinutes(durations?.[i] ?? 0)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="plan-total">
                Total
              </th>
              <td className="plan-total" data-testid="plan-total">
                {durations ? formatMinutes(totalSeconds(durations)) : '—'}
              </td>
            </tr>
          </tfoot>
        </table>
        {choice.kind === 'custom' && !customValid && (
          <p className="form-error" role="alert">
            Each step needs between 1 and 180 minutes.
          </p>
        )}
        <p className="muted small">
          The timer never moves on by itself: when a step’s time is up it turns red and you decide. Pause any time.
          {timeScale !== undefined && <strong> Test speed: {timeScale}× faster.</strong>}
        </p>
        <footer className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="start-confirm" data-autofocus disabled={!durations}>
            Start
          </button>
        </footer>
      </form>
    </Modal>
  );
}
