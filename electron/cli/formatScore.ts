import { STEPS } from '../../shared/framework/steps';
import type { Rubric } from '../../shared/rubric/schema';
import type { RuleResult, ScoreResult } from '../../shared/rules/types';

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padStart = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** What a passed rule shows after its text: the ids or the quoted notes that earned it. */
const evidenceText = (r: RuleResult): string => {
  const ids = [...r.evidence.nodeIds, ...r.evidence.edgeIds];
  if (ids.length > 0) return ` [${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}]`;
  const note = r.evidence.notes[0];
  return note ? ` [${note.step}: “${note.excerpt}”]` : '';
};

/** The terminal scorecard: headline, a table of steps, then every rule with its pass text or hint. */
export const formatScore = (result: ScoreResult, rubric: Rubric, boardName: string): string => {
  const lines: string[] = [
    `${rubric.title} — ${boardName}`,
    `Score ${result.percent}% (${result.band}) · ${result.earned} of ${result.possible} points`,
    '',
    `${pad('Step', 34)}${padStart('Points', 8)}${padStart('Score', 8)}`,
  ];
  for (const s of result.steps) {
    const title = STEPS.find((x) => x.id === s.step)?.title ?? s.step;
    lines.push(`${pad(title, 34)}${padStart(`${s.earned}/${s.possible}`, 8)}${padStart(`${s.percent}%`, 8)}`);
  }
  const idWidth = Math.min(28, Math.max(...result.rules.map((r) => r.id.length)) + 2);
  for (const step of STEPS) {
    const rules = result.rules.filter((r) => r.step === step.id);
    if (rules.length === 0) continue;
    lines.push('', step.title);
    for (const r of rules) {
      const mark = r.passed ? '✓' : '✗';
      const points = `${r.passed ? r.weight : 0}/${r.weight}`;
      const text = r.passed ? `${r.explanation}${evidenceText(r)}` : `Hint: ${r.explanation}`;
      lines.push(`  ${mark} ${pad(r.id, idWidth)}${padStart(points, 5)}  ${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
};
