import type { ScoreResult } from '@shared/rules/types';
import { useBoardSession } from '../board/context';

/**
 * What the candidate must see before the rule list: the fatal flaws that cap
 * the band (with the hint that teaches why), the components that earn nothing
 * because nothing connects them, and each estimate against the brief
 * ("Your 40,000/s is 1,000× the ≈40/s the brief implies").
 */
export function ScoreAlerts({ result }: { result: ScoreResult }) {
  const { store } = useBoardSession();
  const selectNodes = (nodeIds: readonly string[], edgeIds: readonly string[] = []) =>
    store.getState().select({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] }, true);
  const { fatalFlaws, unconnected, estimates } = result;
  return (
    <>
      {fatalFlaws.length > 0 && (
        <section className="score-alert fatal" data-testid="fatal-flaws" aria-label="Fatal flaws">
          <h3>
            Fatal flaw{fatalFlaws.length === 1 ? '' : 's'}
            {result.uncappedBand && <span className="muted"> — band capped (would be {result.uncappedBand})</span>}
          </h3>
          <ul>
            {fatalFlaws.map((f) => (
              <li key={f.ruleId}>
                <button
                  type="button"
                  className="score-alert-item"
                  onClick={() => selectNodes(f.evidence.nodeIds, f.evidence.edgeIds)}
                >
                  <strong>{f.concept ?? f.ruleId}</strong> {f.hint}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {unconnected.length > 0 && (
        <section className="score-alert" data-testid="unconnected" aria-label="Unconnected components">
          <button type="button" className="score-alert-item" onClick={() => selectNodes(unconnected.map((u) => u.id))}>
            {unconnected.length} component{unconnected.length === 1 ? ' is' : 's are'} not connected to anything and earn
            {unconnected.length === 1 ? 's' : ''} nothing: {unconnected.map((u) => u.label || u.kind).join(', ')}
          </button>
        </section>
      )}
      {estimates.length > 0 && (
        <section className="score-alert estimates" data-testid="estimates" aria-label="Estimates">
          <ul>
            {estimates.map((e) => (
              <li key={e.estimate} data-testid={`estimate-${e.estimate}`} data-within={String(e.withinTolerance)}>
                <span aria-hidden>{e.withinTolerance ? '✓ ' : '✗ '}</span>
                {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
