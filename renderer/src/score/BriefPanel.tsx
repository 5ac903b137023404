import type { Rubric } from '@shared/rubric/schema';
import './score.css';

export interface BriefPanelProps {
  /** The current question's rubric; null for a free design. */
  readonly rubric: Rubric | null;
}

/** The brief of the current question: what to build and at what scale. Expected estimates stay hidden: they are answers. */
export function BriefPanel({ rubric }: BriefPanelProps) {
  if (!rubric)
    return (
      <section className="brief-panel" aria-label="Brief" data-testid="brief-panel">
        <p className="score-empty">Free design: no question picked.</p>
      </section>
    );
  return (
    <section className="brief-panel" aria-label="Brief" data-testid="brief-panel">
      <h2 data-testid="brief-title">{rubric.title}</h2>
      <p className="muted">{rubric.summary}</p>
      <div className="brief-prompt">{rubric.prompt}</div>
    </section>
  );
}
