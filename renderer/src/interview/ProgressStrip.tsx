import { formatClock } from '@shared/interview/format';
import type { StepView } from '@shared/interview/timerView';

/**
 * The five steps as segments sized by their planned time, each filled by the
 * time spent; a step that ran over turns red. Read-only: moving between steps
 * is Next/Back, so a stray click cannot skip a step.
 */
export function ProgressStrip({ steps, live }: { steps: readonly StepView[]; live: boolean }) {
  return (
    <ol className="progress-strip" aria-label="Progress through the five steps" data-testid="timer-progress">
      {steps.map((s) => (
        <li
          key={s.id}
          className="progress-segment"
          style={{ flexGrow: Math.max(1, s.plannedSec) }}
          data-phase={live ? s.phase : 'upcoming'}
          data-overtime={s.overtime || undefined}
          data-testid={`timer-segment-${s.id}`}
          title={`${s.title}: ${formatClock(s.spentSec)} of ${formatClock(s.plannedSec)}`}
          aria-label={`${s.title}: ${Math.round(s.progress * 100)}% of its time used${s.overtime ? ', over time' : ''}`}
          aria-current={live && s.phase === 'current' ? 'step' : undefined}
        >
          <span className="progress-fill" style={{ width: `${s.progress * 100}%` }} />
        </li>
      ))}
    </ol>
  );
}
