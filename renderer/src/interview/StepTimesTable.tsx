import { formatClock } from '@shared/interview/format';

/** One step's row: its plan, the time spent (one attempt's, or an average) and its score. */
export interface StepTimeRow {
  readonly id: string;
  readonly title: string;
  readonly plannedSec: number;
  readonly spentSec: number;
  /** Percent, or null where the step had nothing to score. */
  readonly score: number | null;
}

/**
 * Step · plan · spent · score, as the scorecard (one attempt) and the progress
 * page (averages) show it: overtime in the warning colour, with how much over
 * when `showOver` (an average's overrun says little).
 */
export function StepTimesTable({
  rows,
  testId,
  showOver = false,
  highlight,
}: {
  readonly rows: readonly StepTimeRow[];
  /** Each row's test id is `${testId}-${step}`. */
  readonly testId: string;
  readonly showOver?: boolean;
  /** A step to mark (`data-weakest`): the progress page's weakest. */
  readonly highlight?: string | null;
}) {
  return (
    <table className="step-times">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Planned</th>
          <th scope="col">Spent</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const over = r.spentSec - r.plannedSec;
          return (
            <tr key={r.id} data-testid={`${testId}-${r.id}`} data-weakest={r.id === highlight || undefined}>
              <th scope="row">{r.title}</th>
              <td>{formatClock(r.plannedSec)}</td>
              <td data-overtime={over > 0 || undefined}>
                {formatClock(r.spentSec)}
                {showOver && over > 0 && <span className="small"> (+{formatClock(over)})</span>}
              </td>
              <td>{r.score === null ? '—' : `${r.score}%`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
