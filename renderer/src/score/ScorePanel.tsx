import { boardRoots, readEdge, readNode } from '@shared/board/doc';
import { displayName } from '@shared/catalogue/catalogue';
import { STEPS } from '@shared/framework/steps';
import type { Rubric } from '@shared/rubric/schema';
import type { RuleResult, ScoreResult } from '@shared/rules/types';
import { useState } from 'react';
import type * as Y from 'yjs';
import { useBoardSession } from '../board/context';
import { ScoreAlerts } from './ScoreAlerts';
import { useScore } from './useScore';
import './score.css';

export interface ScorePanelProps {
  /** The question's rubric; null shows a "pick a question" note. */
  readonly rubric: Rubric | null;
  /** Hide the hints of missed rules (a real mock); controlled when given, else the panel keeps its own switch. */
  readonly hintsHidden?: boolean;
  readonly onHintsHiddenChange?: (hidden: boolean) => void;
  /** Quiet time after the last edit before rescoring, in ms. */
  readonly delayMs?: number;
  /** A score the caller already keeps (e.g. for the interviewer's panel too); otherwise the panel scores by itself. */
  readonly score?: ScoreResult | null;
}

const evidenceIds = (r: RuleResult): string[] => [...r.evidence.nodeIds, ...r.evidence.edgeIds];

/** What the user calls a node: its label, else its kind ("Load balancer"). Ids mean nothing to people. */
const nodeName = (doc: Y.Doc, id: string): string => {
  const m = boardRoots(doc).nodes.get(id);
  const n = m && readNode(m);
  return n ? displayName(n) : id;
};

const evidenceNames = (doc: Y.Doc, r: RuleResult): string => {
  const edges = r.evidence.edgeIds.map((id) => {
    const m = boardRoots(doc).edges.get(id);
    const e = m && readEdge(m);
    return e ? `${nodeName(doc, e.source)} → ${nodeName(doc, e.target)}` : id;
  });
  const inEdges = new Set(
    r.evidence.edgeIds.flatMap((id) => {
      const m = boardRoots(doc).edges.get(id);
      return m ? [String(m.get('source')), String(m.get('target'))] : [];
    }),
  );
  const nodes = r.evidence.nodeIds.filter((id) => !inEdges.has(id)).map((id) => nodeName(doc, id));
  // "App server ×3" reads better than the same name three times.
  const counts = new Map<string, number>();
  for (const name of [...edges, ...nodes]) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
};

const STATUS_LABEL = { passed: 'Passed', partial: 'Partly', failed: 'Missed', 'not-applicable': 'Not applicable' } as const;
const STATUS_MARK = { passed: '✓', partial: '½', failed: '✗', 'not-applicable': '–' } as const;
const earnedOf = (rule: RuleResult): string => {
  const n = rule.weight * rule.credit;
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
};

function RuleItem({ rule, hintsHidden }: { rule: RuleResult; hintsHidden: boolean }) {
  const { store, doc } = useBoardSession();
  const ids = evidenceIds(rule);
  const select = () => store.getState().select({ nodeIds: rule.evidence.nodeIds, edgeIds: rule.evidence.edgeIds }, true);
  return (
    <li>
      <button
        type="button"
        className={`score-rule ${rule.passed ? 'passed' : 'missed'}${rule.status === 'partial' || rule.status === 'not-applicable' ? ` ${rule.status}` : ''}`}
        data-testid={`rule-${rule.id}`}
        data-passed={String(rule.passed)}
        data-status={rule.status}
        aria-label={`${STATUS_LABEL[rule.status]}: ${rule.concept ?? rule.id}, ${earnedOf(rule)} of ${rule.weight} points`}
        title={ids.length > 0 ? 'Select on the canvas' : undefined}
        onClick={select}
      >
        <span className="score-rule-head">
          <span className="score-mark" aria-hidden>
            {STATUS_MARK[rule.status]}
          </span>
          <span className="score-rule-name">{rule.concept ?? rule.id}</span>
          <span className="score-points">{rule.status === 'not-applicable' ? 'n/a' : `${earnedOf(rule)}/${rule.weight}`}</span>
        </span>
        {rule.passed ? (
          <span className="score-text">{rule.explanation}</span>
        ) : hintsHidden ? (
          <span className="score-text muted">Hint hidden until the end.</span>
        ) : (
          <span className="score-text">{rule.explanation}</span>
        )}
        {rule.passed && ids.length > 0 && <span className="score-evidence">Earned by: {evidenceNames(doc, rule)}</span>}
        {rule.passed && ids.length === 0 && rule.evidence.notes[0] && (
          <span className="score-evidence">“{rule.evidence.notes[0].excerpt}”</span>
        )}
      </button>
    </li>
  );
}

/**
 * The live scorecard: overall score and band, the score per framework step,
 * and every rule passed or missed. Clicking a rule selects its evidence on
 * the canvas; missed rules teach with their hint unless hints are hidden.
 */
export function ScorePanel({ rubric, hintsHidden: controlled, onHintsHiddenChange, delayMs, score }: ScorePanelProps) {
  const own = useScore(score === undefined ? rubric : null, delayMs);
  const result = score === undefined ? own : score;
  const [ownHidden, setOwnHidden] = useState(false);
  const hintsHidden = controlled ?? ownHidden;
  const setHidden = (v: boolean) => {
    setOwnHidden(v);
    onHintsHiddenChange?.(v);
  };
  if (!rubric || !result)
    return (
      <section className="score-panel" aria-label="Score" data-testid="score-panel">
        <p className="score-empty">Free design: pick a question to have your design scored.</p>
      </section>
    );
  return (
    <section className="score-panel" aria-label="Score" data-testid="score-panel">
      <header className="score-header">
        <div className="score-overall" data-testid="score-overall" data-band={result.band} aria-live="polite">
          {result.percent}%
        </div>
        <div>
          <div className="score-band" data-testid="score-band" data-band={result.band}>
            {result.band}
          </div>
          <div className="score-points muted">
            {Number.isInteger(result.earned) ? result.earned : result.earned.toFixed(1)} of {result.possible} points
            {result.uncappedBand && ' · capped'}
          </div>
        </div>
      </header>
      <ScoreAlerts result={result} />
      <label className="score-switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={hintsHidden}
          checked={hintsHidden}
          data-testid="hide-hints"
          onChange={(e) => setHidden(e.currentTarget.checked)}
        />
        Hide hints until the end
      </label>
      <ol className="score-steps" aria-label="Score per step">
        {result.steps.map((s) => (
          <li key={s.step} data-testid={`step-score-${s.step}`}>
            <span>{STEPS.find((x) => x.id === s.step)?.title}</span>
            <span className="score-points">
              {s.earned}/{s.possible}
            </span>
            <span className="score-bar" aria-hidden>
              <span style={{ width: `${s.percent}%` }} />
            </span>
          </li>
        ))}
      </ol>
      {STEPS.map((step) => {
        const rules = result.rules.filter((r) => r.step === step.id);
        if (rules.length === 0) return null;
        return (
          <section key={step.id} className="score-group" aria-label={step.title}>
            <h3>{step.title}</h3>
            <ul>
              {rules.map((r) => (
                <RuleItem key={r.id} rule={r} hintsHidden={hintsHidden} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
