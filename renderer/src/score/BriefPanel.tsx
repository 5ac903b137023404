import type { Rubric } from '@shared/rubric/schema';
import { useState } from 'react';
import { EXAMPLE_TITLES, type Example, examplesFor } from './examples';
import './score.css';

export interface BriefPanelProps {
  /** The current question's rubric; null for a free design. */
  readonly rubric: Rubric | null;
  /** Opens an example design in place of the board (the caller loads it like a file). */
  readonly onOpenExample?: (fileName: string, text: string) => void;
  /** Whether the board has anything on it, so replacing it asks first. */
  readonly boardHasContent?: boolean;
}

/** The brief of the current question: what to build and at what scale. Expected estimates stay hidden: they are answers. */
export function BriefPanel({ rubric, onOpenExample, boardHasContent = false }: BriefPanelProps) {
  const [pending, setPending] = useState<Example | null>(null);
  if (!rubric)
    return (
      <section className="brief-panel" aria-label="Brief" data-testid="brief-panel">
        <p className="score-empty">Free design: no question picked.</p>
      </section>
    );
  const examples = onOpenExample ? examplesFor(rubric.id) : [];
  const open = async (e: Example) => {
    setPending(null);
    onOpenExample?.(e.fileName, await e.load());
  };
  return (
    <section className="brief-panel" aria-label="Brief" data-testid="brief-panel">
      <h2 data-testid="brief-title">{rubric.title}</h2>
      <p className="muted">{rubric.summary}</p>
      <div className="brief-prompt">{rubric.prompt}</div>
      {examples.length > 0 && (
        <div className="brief-examples">
          <h3>Study an example</h3>
          <p className="muted small">After your attempt: see how the textbook diagram scores, and what a strong answer adds.</p>
          {examples.map((e) => (
            <button
              key={e.fileName}
              type="button"
              className="secondary"
              data-testid={`example-${e.level}`}
              onClick={() => (boardHasContent ? setPending(e) : void open(e))}
            >
              {EXAMPLE_TITLES[e.level] ?? e.level}
            </button>
          ))}
          {pending && (
            <div className="confirm" role="alertdialog" aria-label="Replace the board?">
              <p>This replaces the board on the canvas. Save it first if you want to keep it.</p>
              <button type="button" className="primary" data-testid="example-confirm" onClick={() => void open(pending)}>
                Replace my board
              </button>
              <button type="button" className="secondary" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
