import { STEPS } from '@shared/framework/steps';
import { formatMinutes } from '@shared/interview/format';
import type { AttemptRecord } from '@shared/interview/history';
import { toast } from '../ui/toasts';
import { useHistoryService } from './historyStore';

export interface AttemptTableProps {
  readonly attempts: readonly AttemptRecord[];
  readonly onOpenBoard: (record: AttemptRecord) => void;
  readonly onShowScorecard: (record: AttemptRecord) => void;
  readonly onReplay: (record: AttemptRecord) => void;
  readonly onExport: (record: AttemptRecord) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const stepTitle = (id: string) => STEPS.find((x) => x.id === id)?.title ?? id;

/** "Understand 100% · Scope 50% · …" for a tooltip. */
const stepScores = (a: AttemptRecord): string =>
  a.perStep.map((s) => `${stepTitle(s.step)}: ${s.score === null ? '—' : `${s.score}%`}`).join(' · ');

/** The attempts, newest first: question, date, score, duration, and what can be done with each. */
export function AttemptTable({ attempts, onOpenBoard, onShowScorecard, onReplay, onExport }: AttemptTableProps) {
  const history = useHistoryService();
  return (
    <div className="history-list" data-testid="history-list">
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
          {attempts.map((a) => (
            <tr key={a.id} data-testid={`history-${a.id}`}>
              <th scope="row">
                {a.title}
                {a.kind === 'drill' && a.focus && <span className="muted small"> · drill: {stepTitle(a.focus)}</span>}
              </th>
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
                <button type="button" className="secondary" data-testid="history-scorecard" onClick={() => onShowScorecard(a)}>
                  Scorecard
                </button>
                <button
                  type="button"
                  className="secondary"
                  data-testid="history-replay"
                  disabled={!a.replay}
                  title={a.replay ? 'Watch the interview back' : 'No replay was kept for this attempt'}
                  onClick={() => onReplay(a)}
                >
                  Replay
                </button>
                <button type="button" className="secondary" data-testid="history-open" onClick={() => onOpenBoard(a)}>
                  Open board
                </button>
                <button type="button" className="secondary" data-testid="history-export-one" onClick={() => onExport(a)}>
                  Export
                </button>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Delete the attempt of ${dateFormat.format(a.endedAt)}`}
                  data-testid="history-delete"
                  onClick={() =>
                    history.remove(a.id).catch((err: unknown) => toast.error(err instanceof Error ? err.message : String(err)))
                  }
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
