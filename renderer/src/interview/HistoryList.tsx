import { STEPS } from '@shared/framework/steps';
import { formatMinutes } from '@shared/interview/format';
import type { AttemptRecord } from '@shared/interview/history';
import { useState } from 'react';
import { Modal } from '../ui/Modal';
import { toast } from '../ui/toasts';
import { deleteAttempt, useHistory } from './historyStore';

export interface HistoryListProps {
  /** Reopens an attempt: the caller decodes `record.boardFile` (decodeBoard) and loads it. */
  readonly onOpen: (record: AttemptRecord) => void;
  readonly onClose: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Past attempts, newest first: question, date, score, duration; open one to see its board again. */
export function HistoryList({ onOpen, onClose }: HistoryListProps) {
  const { attempts } = useHistory();
  const [question, setQuestion] = useState<string>('');
  const questions = [...new Set(attempts.map((a) => a.question))].sort();
  const shown = question === '' ? attempts : attempts.filter((a) => a.question === question);

  return (
    <Modal title="Past attempts" onClose={onClose} wide>
      <div className="history-list" data-testid="history-list">
        {attempts.length === 0 ? (
          <p className="muted">No attempts yet. Finish a mock interview and it will be listed here.</p>
        ) : (
          <>
            {questions.length > 1 && (
              <label className="history-filter">
                Question{' '}
                <select value={question} onChange={(e) => setQuestion(e.target.value)} data-testid="history-filter">
                  <option value="">All</option>
                  {questions.map((q) => (
                    <option key={q} value={q}>
                      {attempts.find((a) => a.question === q)?.title ?? q}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <table>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Date</th>
                  <th scope="col">Score</th>
                  <th scope="col">Duration</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={a.id} data-testid={`history-${a.id}`}>
                    <th scope="row">{a.title}</th>
                    <td>{dateFormat.format(a.endedAt)}</td>
                    <td title={stepScores(a)}>
                      {a.percent === null ? '—' : `${a.percent}%`}
                      {a.band && (
                        <span className="band" data-band={a.band}>
                          {a.band}
                        </span>
                      )}
                    </td>
                    <td>{formatMinutes(a.durationSec)}</td>
                    <td className="history-actions">
                      <button type="button" className="secondary" data-testid="history-open" onClick={() => onOpen(a)}>
                        Open board
                      </button>
                      <button
                        type="button"
                        className="icon"
                        aria-label={`Delete the attempt of ${dateFormat.format(a.endedAt)}`}
                        data-testid="history-delete"
                        onClick={() => {
                          try {
                            deleteAttempt(a.id);
                          } catch (err) {
                            toast.error(err instanceof Error ? err.message : String(err));
                          }
                        }}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </Modal>
  );
}

/** "Understand 100% · Scope 50% · …" for a tooltip. */
const stepScores = (a: AttemptRecord): string =>
  a.perStep
    .map((s) => `${STEPS.find((x) => x.id === s.step)?.title ?? s.step}: ${s.score === null ? '—' : `${s.score}%`}`)
    .join(' · ');
