import type { Rubric } from '@shared/rubric/schema';
import { Modal } from '../ui/Modal';
import { BUILTIN_RUBRICS } from './builtinRubrics';
import './score.css';

export interface QuestionPickerProps {
  /** Called with the chosen rubric id. */
  readonly onPick: (id: string) => void;
  readonly onClose: () => void;
  /** Rubrics from the user's folder (loaded by the desktop shell); listed after the built-ins. */
  readonly userRubrics?: readonly Rubric[];
  /** Where user rubrics live, shown so people know where to drop files. */
  readonly userFolder?: string;
  /** One line per user rubric file that failed to load. */
  readonly problems?: readonly string[];
  /** Where there is no folder (the browser): pick a rubric file to keep. */
  readonly onImport?: () => void;
}

function QuestionOption({ rubric, onPick }: { rubric: Rubric; onPick: (id: string) => void }) {
  return (
    <li>
      <button type="button" className="question-option" data-testid={`question-${rubric.id}`} onClick={() => onPick(rubric.id)}>
        <span className="question-title">{rubric.title}</span>
        <span className="muted">{rubric.summary}</span>
      </button>
      <details className="question-brief">
        <summary>Brief</summary>
        <div className="brief-prompt">{rubric.prompt}</div>
      </details>
    </li>
  );
}

/** The New dialog: pick one of the built-in questions or a user rubric. */
export function QuestionPicker({ onPick, onClose, userRubrics = [], userFolder, problems = [], onImport }: QuestionPickerProps) {
  const user = userRubrics.filter((r) => !BUILTIN_RUBRICS.some((b) => b.id === r.id));
  return (
    <Modal title="Pick a question" onClose={onClose} wide>
      <ul className="question-list" aria-label="Questions">
        {BUILTIN_RUBRICS.map((r) => (
          <QuestionOption key={r.id} rubric={r} onPick={onPick} />
        ))}
      </ul>
      {(user.length > 0 || userFolder || onImport) && (
        <>
          <h3>Your rubrics</h3>
          {user.length > 0 ? (
            <ul className="question-list" aria-label="Your rubrics">
              {user.map((r) => (
                <QuestionOption key={r.id} rubric={r} onPick={onPick} />
              ))}
            </ul>
          ) : null}
          {userFolder && (
            <p className="muted">
              Drop rubric files (.yaml or .json) into <code>{userFolder}</code>; they load without a rebuild.
            </p>
          )}
          {onImport && (
            <button type="button" className="secondary" data-testid="import-rubric" onClick={onImport}>
              Add a rubric file…
            </button>
          )}
        </>
      )}
      {problems.length > 0 && (
        <ul className="score-problems" aria-label="Rubrics that failed to load" data-testid="rubric-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
