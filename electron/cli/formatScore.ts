import { STEPS } from '../../shared/framework/steps';
import type { Rubric } from '../../shared/rubric/schema';
import { thinStepsMessage } from '../../shared/rules/score';
import type { RuleResult, ScoreResult } from '../../shared/rules/types';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
/** Points as people read them: whole when whole, one decimal for partial credit. */
const points = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** What a passed rule shows after its text: the ids or the quoted notes that earned it. */
const evidenceText = (r: RuleResult): string => {
  const ids = [...r.evidence.nodeIds, ...r.evidence.edgeIds];
  if (ids.length > 0) return ` [${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}]`;
  const note = r.evidence.notes[0];
  return note ? ` [${note.step}: “${note.excerpt}”]` : '';
};

const MARK = { passed: '✓', partial: '½', failed: '✗', 'not-applicable': '–' } as const;

/**
 * The terminal scorecard: headline, fatal flaws first (they cap the band),
 * unconnected components, estimates against the brief, a table of steps,
 * then every rule with its pass text or hint.
 */
export const formatScore = (result: ScoreResult, rubric: Rubric, boardName: string): string => {
  const lines: string[] = [
    `${rubric.title} — ${boardName}`,
    `Score ${result.percent}% (${result.band}${result.uncappedBand ? `, capped from ${result.uncappedBand} by ${result.thinSteps ? 'a skipped step' : 'a fatal flaw'}` : ''}) · ${points(result.earned)} of ${result.possible} points`,
  ];
  if (result.thinSteps) lines.push('', thinStepsMessage(result));
  if (result.fatalFlaws.length > 0) {
    lines.push('', `Fatal flaw${result.fatalFlaws.length === 1 ? '' : 's'}:`);
    for (const f of result.fatalFlaws) lines.push(`  ! ${f.concept ?? f.ruleId}: ${f.hint}`);
  }
  if (result.unconnected.length > 0) {
    const names = result.unconnected.map((u) => u.label || u.kind);
    lines.push(
      '',
      `${result.unconnected.length} component${result.unconnected.length === 1 ? ' is' : 's are'} not connected to anything and earn${result.unconnected.length === 1 ? 's' : ''} nothing: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`,
    );
  }
  if (result.deadEnds.length > 0) {
    lines.push(
      '',
      `Lead${result.deadEnds.length === 1 ? 's' : ''} nowhere and earn${result.deadEnds.length === 1 ? 's' : ''} nothing:`,
    );
    for (const d of result.deadEnds) lines.push(`  - ${d.label || d.kind}: ${d.why}`);
  }
  if (result.estimates.length > 0) {
    lines.push('', 'Estimates:');
    for (const e of result.estimates) lines.push(`  ${e.withinTolerance ? '✓' : '✗'} ${e.message}`);
  }
  lines.push('', `${pad('Step', 34)}${padStart('Points', 8)}${padStart('Score', 8)}`);
  for (const s of result.steps) {
    const title = STEPS.find((x) => x.id === s.step)?.title ?? s.step;
    lines.push(`${pad(title, 34)}${padStart(`${points(s.earned)}/${s.possible}`, 8)}${padStart(`${s.percent}%`, 8)}`);
  }
  const idWidth = Math.min(28, Math.max(...result.rules.map((r) => r.id.length)) + 2);
  for (const step of STEPS) {
    const rules = result.rules.filter((r) => r.step === step.id);
    if (rules.length === 0) continue;
    lines.push('', step.title);
    for (const r of rules) {
      const earned = r.status === 'not-applicable' ? '–' : `${points(r.weight * r.credit)}/${r.weight}`;
      const text =
        r.status === 'passed'
          ? `${r.explanation}${evidenceText(r)}`
          : r.status === 'not-applicable'
            ? r.explanation
            : `Hint: ${r.explanation}`;
      lines.push(`  ${MARK[r.status]} ${pad(r.id, idWidth)}${padStart(earned, 5)}  ${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
};
