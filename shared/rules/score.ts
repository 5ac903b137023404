import type { Board } from '../board/types';
import { STEP_IDS } from '../framework/steps';
import type { Rubric } from '../rubric/schema';
import { collectEvidence, evaluateCondition, internalErrors } from './evaluate';
import { buildGraph } from './graph';
import type { Band, CheckEnv, RuleResult, ScoreResult, StepScore } from './types';

/**
 * Band thresholds in percent of the possible weight, tuned with the built-in
 * rubrics: a copy of the textbook's reference design (diagram plus its written
 * requirements and key decisions, no estimates, no bottleneck analysis) lands
 * in "acceptable"; "strong" needs the deep dive and bottlenecks too.
 */
export const BAND_THRESHOLDS = { strong: 75, acceptable: 40 } as const;

export const bandOf = (percent: number): Band =>
  percent >= BAND_THRESHOLDS.strong ? 'strong' : percent >= BAND_THRESHOLDS.acceptable ? 'acceptable' : 'weak';

const percentOf = (earned: number, possible: number): number => (possible > 0 ? Math.round((earned / possible) * 100) : 0);

const envCache = new WeakMap<Rubric, CheckEnv>();
const envOf = (rubric: Rubric): CheckEnv => {
  let env = envCache.get(rubric);
  if (!env) {
    env = { estimates: new Map(rubric.estimates.map((e) => [e.id, e])) };
    envCache.set(rubric, env);
  }
  return env;
};

/**
 * Scores a board against a rubric: each rule passed or failed with its
 * evidence and explanation, per-step and overall scores, and a band.
 * Pure, synchronous and deterministic; never throws on a valid board.
 * The board is indexed once per call.
 */
export const scoreBoard = (board: Board, rubric: Rubric): ScoreResult => {
  const graph = buildGraph(board);
  const env = envOf(rubric);
  const rules: RuleResult[] = rubric.rules.map((rule) => {
    const condition = evaluateCondition(graph, rule.check, env);
    const errors = internalErrors(condition);
    const explanation = condition.passed ? rule.pass : rule.hint;
    return {
      id: rule.id,
      step: rule.step,
      weight: rule.weight,
      passed: condition.passed,
      evidence: collectEvidence(condition),
      explanation: errors.length > 0 ? `${explanation} (${errors.join('; ')})` : explanation,
      ...(rule.concept !== undefined && { concept: rule.concept }),
      condition,
    };
  });
  const steps: StepScore[] = STEP_IDS.map((step) => {
    let earned = 0;
    let possible = 0;
    for (const r of rules) {
      if (r.step !== step) continue;
      possible += r.weight;
      if (r.passed) earned += r.weight;
    }
    return { step, earned, possible, percent: percentOf(earned, possible) };
  });
  const earned = steps.reduce((s, x) => s + x.earned, 0);
  const possible = steps.reduce((s, x) => s + x.possible, 0);
  const percent = percentOf(earned, possible);
  return { rubricId: rubric.id, rules, steps, earned, possible, percent, band: bandOf(percent) };
};
