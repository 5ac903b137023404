import { displayName } from '@shared/catalogue/catalogue';
import { bandCapMessage, fatalHintText } from '@shared/rules/score';
import type { DeadEndComponent, ScoreResult } from '@shared/rules/types';
import { useBoardSession } from '../board/context';

/** "Nothing reads from it, so it earns nothing: draw …" — what is wrong and what to draw. */
const deadEndAdvice = (d: DeadEndComponent): string => {
  const why = d.why.charAt(0).toUpperCase() + d.why.slice(1);
  return `${why}, so it earns nothing: ${DEAD_END_FIX[d.reason]}.`;
};
const DEAD_END_FIX: Readonly<Record<DeadEndComponent['reason'], string>> = {
  'nothing-reads': 'draw the worker or server that consumes it',
  'nothing-behind': 'draw the servers it forwards to',
  'no-client-no-origin': 'draw the clients it serves and the origin it caches',
};

/** One line of an alert: what it is about, and why; clicking it selects what it names on the canvas. */
function AlertItem({ title, text, onSelect }: { title: string; text: string; onSelect: () => void }) {
  return (
    <li>
      <button type="button" className="score-alert-item" title="Select on the canvas" onClick={onSelect}>
        <strong>{title}</strong>
        <span>{text}</span>
      </button>
    </li>
  );
}

/**
 * What the candidate must see before the rule list: the fatal flaws that cap
 * the band (with the hint that teaches why), the components that earn nothing
 * because nothing connects them or they lead nowhere, and each estimate against the brief
 * ("Your 40,000/s is 1,000× the ≈40/s the brief implies").
 */
export function ScoreAlerts({ result }: { result: ScoreResult }) {
  const { store } = useBoardSession();
  const selectNodes = (nodeIds: readonly string[], edgeIds: readonly string[] = []) =>
    store.getState().select({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] }, true);
  const { fatalFlaws, unconnected, deadEnds, estimates } = result;
  // What a person calls each box (its label, else its kind's name), in a stable order.
  const unconnectedNames = unconnected.map(displayName).sort((a, b) => a.localeCompare(b));
  return (
    <>
      {fatalFlaws.length > 0 && (
        <section className="score-alert fatal" data-testid="fatal-flaws" aria-label="Fatal flaws">
          <h3>Fatal flaw{fatalFlaws.length === 1 ? '' : 's'}</h3>
          {result.uncappedBand && (
            <p className="score-alert-cap" data-testid="band-cap">
              {bandCapMessage(result)}
            </p>
          )}
          <ul>
            {fatalFlaws.map((f) => (
              <AlertItem
                key={f.ruleId}
                title={f.concept ?? f.ruleId}
                text={fatalHintText(f.hint)}
                onSelect={() => selectNodes(f.evidence.nodeIds, f.evidence.edgeIds)}
              />
            ))}
          </ul>
        </section>
      )}
      {result.thinSteps && (
        <section className="score-alert thin" data-testid="thin-steps" aria-label="Skipped steps">
          <h3>A step is missing</h3>
          <p className="score-alert-cap" data-testid="band-cap">
            {bandCapMessage(result)}
          </p>
        </section>
      )}
      {unconnected.length > 0 && (
        <section className="score-alert unconnected" data-testid="unconnected" aria-label="Unconnected components">
          <h3>Not connected</h3>
          <button
            type="button"
            className="score-alert-item"
            title="Select on the canvas"
            onClick={() => selectNodes(unconnected.map((u) => u.id))}
          >
            {unconnected.length} component{unconnected.length === 1 ? ' is' : 's are'} not connected to anything and earn
            {unconnected.length === 1 ? 's' : ''} nothing: {unconnectedNames.join(', ')}
          </button>
        </section>
      )}
      {deadEnds.length > 0 && (
        <section className="score-alert unconnected" data-testid="dead-ends" aria-label="Components that lead nowhere">
          <h3>Leads nowhere</h3>
          <ul>
            {deadEnds.map((d) => (
              <AlertItem key={d.id} title={displayName(d)} text={deadEndAdvice(d)} onSelect={() => selectNodes([d.id])} />
            ))}
          </ul>
        </section>
      )}
      {estimates.length > 0 && (
        <section className="score-alert estimates" data-testid="estimates" aria-label="Estimates">
          <h3>Estimates against the brief</h3>
          <ul>
            {estimates.map((e) => (
              <li key={e.estimate} data-testid={`estimate-${e.estimate}`} data-within={String(e.withinTolerance)}>
                <span className={`score-alert-mark ${e.withinTolerance ? 'ok' : 'off'}`} aria-hidden>
                  {e.withinTolerance ? '✓' : '✗'}
                </span>
                <span>{e.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
