import { DIFFICULTIES, type Difficulty, type Rubric } from '@shared/rubric/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useHistory } from '../interview/historyStore';
import { Modal } from '../ui/Modal';
import { BUILTIN_RUBRICS } from './builtinRubrics';
import { describeProgress, matchesFilter, pickRandom, progressOf, type QuestionFilter, shelve } from './questionList';
import './score.css';

export interface QuestionPickerProps {
  /** Called with the chosen rubric id, or with none for a free design. */
  readonly onPick: (id: string | undefined) => void;
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

const DIFFICULTY_LABEL: Readonly<Record<Difficulty, string>> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

function QuestionOption({ rubric, progress, onPick }: { rubric: Rubric; progress: string; onPick: (id: string) => void }) {
  return (
    <li>
      <button type="button" className="question-option" data-testid={`question-${rubric.id}`} onClick={() => onPick(rubric.id)}>
        <span className="question-head">
          <span className="question-title">{rubric.title}</span>
          {rubric.difficulty && (
            <span className={`question-difficulty ${rubric.difficulty}`} data-testid={`difficulty-of-${rubric.id}`}>
              {DIFFICULTY_LABEL[rubric.difficulty]}
            </span>
          )}
        </span>
        <span className="muted">{rubric.summary}</span>
        <span className="question-progress" data-testid={`progress-${rubric.id}`}>
          {progress}
        </span>
      </button>
      <details className="question-brief">
        <summary>Brief</summary>
        <div className="brief-prompt">{rubric.prompt}</div>
      </details>
    </li>
  );
}

/**
 * The New dialog: the built-in questions shelved by category, with a search
 * box, a difficulty filter, each question's attempts and best score, and a
 * random pick for a surprise mock, or a free design; then the user's own rubrics.
 */
export function QuestionPicker({ onPick, onClose, userRubrics = [], userFolder, problems = [], onImport }: QuestionPickerProps) {
  const history = useHistory();
  const [filter, setFilter] = useState<QuestionFilter>({ text: '', difficulty: null });
  const search = useRef<HTMLInputElement>(null);
  // The dialog focuses its first control when it opens (this effect runs after the Modal's); typing should search.
  useEffect(() => search.current?.focus(), []);
  const user = useMemo(() => userRubrics.filter((r) => !BUILTIN_RUBRICS.some((b) => b.id === r.id)), [userRubrics]);
  const shelves = useMemo(() => shelve(BUILTIN_RUBRICS, filter), [filter]);
  const visibleUser = user.filter((r) => matchesFilter(r, filter));
  const visible = [...shelves.flatMap((s) => s.rubrics), ...visibleUser];
  const option = (r: Rubric) => (
    <QuestionOption key={r.id} rubric={r} progress={describeProgress(progressOf(history, r.id))} onPick={onPick} />
  );
  const surprise = () => {
    const r = pickRandom(visible, history);
    if (r) onPick(r.id);
  };
  return (
    <Modal title="Pick a question" onClose={onClose} wide>
      <div className="question-tools">
        <input
          type="search"
          className="question-search"
          placeholder="Search questions"
          aria-label="Search questions"
          data-testid="question-search"
          ref={search}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && visible.length > 0) onPick(visible[0]!.id);
          }}
        />
        <fieldset className="question-difficulties" aria-label="Difficulty">
          {[null, ...DIFFICULTIES].map((d) => (
            <button
              key={d ?? 'any'}
              type="button"
              className="chip"
              aria-pressed={filter.difficulty === d}
              data-testid={`difficulty-${d ?? 'any'}`}
              onClick={() => setFilter({ ...filter, difficulty: d })}
            >
              {d ? DIFFICULTY_LABEL[d] : 'Any'}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="secondary"
          data-testid="question-random"
          disabled={visible.length === 0}
          title="Pick one of the questions shown, preferring those you have not tried"
          onClick={surprise}
        >
          Random question
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="question-free"
          title="A blank board with no question: draw freely, nothing is scored"
          onClick={() => onPick(undefined)}
        >
          Free design
        </button>
      </div>
      <p className="muted small" aria-live="polite" data-testid="question-count">
        {visible.length === BUILTIN_RUBRICS.length + user.length
          ? `${visible.length} questions`
          : `${visible.length} of ${BUILTIN_RUBRICS.length + user.length} questions`}
      </p>
      {visible.length === 0 && <p className="score-empty">No question matches. Clear the search or pick another difficulty.</p>}
      {shelves.map((s) => (
        <section key={s.category} className="question-shelf" aria-label={s.category}>
          <h3>{s.category}</h3>
          <ul className="question-list">{s.rubrics.map(option)}</ul>
        </section>
      ))}
      {(user.length > 0 || userFolder || onImport) && (
        <>
          <h3>Your rubrics</h3>
          {visibleUser.length > 0 ? (
            <ul className="question-list" aria-label="Your rubrics">
              {visibleUser.map(option)}
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
