import type { Board, BoardNode } from '../board/types';
import { kindInfo } from '../catalogue/catalogue';
import { STEP_IDS, stepInfo } from '../framework/steps';
import type { Rubric, RubricRule } from '../rubric/schema';
import { collectEvidence, estimateDeltas, evaluateCondition, internalErrors, isApplicable } from './evaluate';
import { type BoardGraph, buildGraph, type DeadEndReason, withEverything } from './graph';
import { getOrMake } from './memo';
import { getCheck } from './registry';
import {
  type Band,
  type CheckCall,
  type CheckEnv,
  type Condition,
  type ConditionResult,
  type EstimateDelta,
  type ExpectedEstimate,
  type FatalFlaw,
  isAll,
  isAny,
  isNot,
  type RuleResult,
  type RuleStatus,
  type ScoreResult,
  type StepScore,
  type UnconnectedComponent,
} from './types';

/**
 * Band thresholds in percent of the possible weight, tuned with the built-in
 * rubrics: a copy of the textbook's reference design (diagram plus its written
 * requirements and key decisions, no estimates, no bottleneck analysis) lands
 * in "acceptable"; "strong" needs the deep dive and bottlenecks too.
 */
export const BAND_THRESHOLDS = { strong: 75, acceptable: 40 } as const;

/**
 * A step scoring under this percentage was as good as skipped: an interviewer
 * does not call a candidate strong who gave no estimates or no bottlenecks,
 * however good the rest, so such a step keeps the design out of the top band.
 */
export const STRONG_STEP_FLOOR = 34;

export const bandOf = (percent: number): Band =>
  percent >= BAND_THRESHOLDS.strong ? 'strong' : percent >= BAND_THRESHOLDS.acceptable ? 'acceptable' : 'weak';

const percentOf = (earned: number, possible: number): number => (possible > 0 ? Math.round((earned / possible) * 100) : 0);

interface RubricEnvs {
  /** The rubric's estimates by id: one map for every rule, so figures bound to a text are bound once (see boundFigures). */
  readonly estimates: ReadonlyMap<string, ExpectedEstimate>;
  /** The environments by the steps they read, joined. */
  readonly bySteps: Map<string, CheckEnv>;
}
const envCache = new WeakMap<Rubric, RubricEnvs>();
/** The environment of one rule: the rubric's figures, the brief, and the steps the rule reads. Built once per rubric. */
const envOf = (rubric: Rubric, rule: RubricRule): CheckEnv => {
  const perRubric = getOrMake(envCache, rubric, () => ({
    estimates: new Map(rubric.estimates.map((e) => [e.id, e])),
    bySteps: new Map(),
  }));
  const steps = rule.steps ?? [rule.step];
  return getOrMake(perRubric.bySteps, steps.join(','), () => ({
    estimates: perRubric.estimates,
    steps,
    prompt: rubric.prompt,
  }));
};

const componentRef = (n: BoardNode): UnconnectedComponent => ({ id: n.id, kind: n.kind, ...(n.label && { label: n.label }) });

/** What each kind of dead end lacks, as the score panel and the CLI say it. */
export const DEAD_END_WHY: Readonly<Record<DeadEndReason, string>> = {
  'nothing-reads': 'nothing reads from it',
  'nothing-behind': 'nothing is behind it',
  'no-client-no-origin': 'no client fetches from it and it has no origin',
};

/** A rule's credit and status from its condition (and explanation), before weighting. */
const judge = (
  graph: BoardGraph,
  rule: RubricRule,
  env: CheckEnv,
): { condition: ConditionResult; credit: number; status: RuleStatus; mechanism?: RuleResult['mechanism']; prefix?: string } => {
  if (rule.appliesWhen) {
    const applies = evaluateCondition(graph, rule.appliesWhen, env);
    if (!applies.passed) return { condition: applies, credit: 0, status: 'not-applicable' };
  }
  const condition = evaluateCondition(graph, rule.check, env);
  if (rule.flaw) {
    if (!isApplicable(condition)) return { condition, credit: 0, status: 'not-applicable' };
    return { condition, credit: condition.passed ? 0 : 1, status: condition.passed ? 'failed' : 'passed' };
  }
  if (!rule.explain) {
    if (condition.passed) return { condition, credit: 1, status: 'passed' };
    const uncounted = leftOut(graph, rule, env);
    return { condition, credit: 0, status: 'failed', ...(uncounted && { prefix: `Drawn, but ${uncounted}. ` }) };
  }
  const explained = evaluateCondition(graph, rule.explain, env);
  const drawn = condition.passed;
  const uncounted = drawn ? null : leftOut(graph, rule, env);
  const both: ConditionResult = { op: 'all', passed: drawn && explained.passed, children: [condition, explained] };
  const mechanism = { drawn, explained: explained.passed };
  if (drawn && explained.passed) return { condition: both, credit: 1, status: 'passed', mechanism };
  if (!drawn && !explained.passed)
    return { condition: both, credit: 0, status: 'failed', mechanism, ...(uncounted && { prefix: `Drawn, but ${uncounted}. ` }) };
  return {
    condition: both,
    credit: rule.partial ?? 0.5,
    status: 'partial',
    mechanism,
    prefix: drawn
      ? 'Drawn but not explained in your notes. '
      : uncounted
        ? `Mentioned in your notes and drawn, but ${uncounted}. `
        : 'Mentioned in your notes but not drawn. ',
  };
};

/**
 * Why a rule's drawing earned nothing when the rule would pass with every
 * component taking part: "your “Kafka” leads nowhere (nothing reads from it)
 * and your CDN is not connected to the rest of the design, so they do not count". Null when the
 * drawing misses more than left-out boxes.
 */
const leftOut = (graph: BoardGraph, rule: RubricRule, env: CheckEnv): string | null => {
  if ((graph.unconnected.length === 0 && graph.deadEnds.length === 0) || !readsDrawing(rule.check)) return null;
  const retry = evaluateCondition(withEverything(graph), rule.check, env);
  if (!retry.passed) return null;
  const used = new Set(collectEvidence(retry).nodeIds);
  const dead = graph.deadEnds.filter((d) => used.has(d.node.id));
  const apart = graph.unconnected.filter((n) => used.has(n.id)).map(nameOf);
  const reasons = dead.map((d) => `${nameOf(d.node)} leads nowhere (${DEAD_END_WHY[d.reason]})`);
  if (apart.length > 0)
    reasons.push(`${listed(apart)} ${apart.length === 1 ? 'is' : 'are'} not connected to the rest of the design`);
  if (reasons.length === 0) return null;
  return `your ${reasons.join('; your ')}, so ${dead.length + apart.length === 1 ? 'it does' : 'they do'} not count`;
};

const drawingRead = new WeakMap<Condition, boolean>();
/** Whether any check of a condition looks at the drawing (worked out once per rubric condition). */
const readsDrawing = (c: Condition): boolean =>
  getOrMake(drawingRead, c, () =>
    isAll(c)
      ? c.all.some(readsDrawing)
      : isAny(c)
        ? c.any.some(readsDrawing)
        : isNot(c)
          ? readsDrawing(c.not)
          : getCheck((c as CheckCall).type)?.meta.reads !== 'writing',
  );

/** "a", "a and b", "a, b and c". */
const listed = (names: readonly string[]): string =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** A box as a sentence names it: its label in quotes ("your “Click events”"), else its kind ("your message queue", "your DNS"). */
const nameOf = (n: BoardNode): string => {
  if (n.label) return `“${n.label}”`;
  const kind = kindInfo(n.kind).label;
  return /^.[A-Z]/.test(kind) ? kind : kind.charAt(0).toLowerCase() + kind.slice(1);
};

/**
 * Scores a board against a rubric: each rule passed, partial, failed or not
 * applicable, with its evidence and explanation; per-step and overall scores;
 * a band that a fatal flaw caps (one: at most acceptable; two or more: weak);
 * the unconnected components; and each estimate against the figure given.
 * Pure, synchronous and deterministic; never throws on a valid board.
 * The board is indexed once per call.
 */
export const scoreBoard = (board: Board, rubric: Rubric): ScoreResult => {
  const graph = buildGraph(board);
  const deltas = new Map<string, EstimateDelta>();
  const rules: RuleResult[] = rubric.rules.map((rule) => {
    const env = envOf(rubric, rule);
    const { condition, credit, status, mechanism, prefix } = judge(graph, rule, env);
    for (const d of estimateDeltas(condition)) if (!deltas.has(d.estimate) || d.withinTolerance) deltas.set(d.estimate, d);
    const errors = internalErrors(condition);
    const text =
      status === 'passed'
        ? rule.pass
        : status === 'not-applicable'
          ? 'Not applicable: the board has nothing this rule is about, so it scores nothing either way.'
          : `${prefix ?? ''}${rule.hint}`;
    return {
      id: rule.id,
      step: rule.step,
      weight: rule.weight,
      passed: status === 'passed',
      status,
      credit,
      ...(rule.flaw && { severity: rule.severity ?? 'major' }),
      ...(mechanism && { mechanism }),
      evidence: collectEvidence(condition),
      explanation: errors.length > 0 ? `${text} (${errors.join('; ')})` : text,
      ...(rule.concept !== undefined && { concept: rule.concept }),
      condition,
    };
  });
  const steps: StepScore[] = STEP_IDS.map((step) => {
    let earned = 0;
    let possible = 0;
    for (const r of rules) {
      if (r.step !== step || r.status === 'not-applicable') continue;
      possible += r.weight;
      earned += r.weight * r.credit;
    }
    return { step, earned, possible, percent: percentOf(earned, possible) };
  });
  const earned = steps.reduce((s, x) => s + x.earned, 0);
  const possible = steps.reduce((s, x) => s + x.possible, 0);
  const percent = percentOf(earned, possible);
  const fatalFlaws: FatalFlaw[] = rules
    .filter((r) => r.severity === 'fatal' && r.status === 'failed')
    .sort((a, b) => b.weight - a.weight)
    .map((r) => {
      const rule = rubric.rules.find((x) => x.id === r.id)!;
      return { ruleId: r.id, ...(r.concept !== undefined && { concept: r.concept }), hint: rule.hint, evidence: r.evidence };
    });
  const uncapped = bandOf(percent);
  const thinSteps = steps.filter((x) => x.possible > 0 && x.percent < STRONG_STEP_FLOOR).map((x) => x.step);
  const band = capBand(uncapped, fatalFlaws.length, thinSteps.length);
  return {
    rubricId: rubric.id,
    rules,
    steps,
    earned,
    possible,
    percent,
    band,
    ...(band !== uncapped && { uncappedBand: uncapped }),
    ...(band !== uncapped && fatalFlaws.length === 0 && { thinSteps }),
    fatalFlaws,
    unconnected: graph.unconnected.map(componentRef),
    deadEnds: graph.deadEnds.map(({ node, reason }) => ({ ...componentRef(node), reason, why: DEAD_END_WHY[reason] })),
    estimates: rubric.estimates.map(
      (e) =>
        deltas.get(e.id) ?? {
          estimate: e.id,
          label: e.label,
          expected: e.display,
          withinTolerance: false,
          message: `${e.label}: not estimated (expected about ${e.display})`,
        },
    ),
  };
};

/**
 * Why a skipped step capped the band, in the words the panel and the CLI show:
 * "Strong needs every step: Define scope & requirements scored 0% (…)".
 */
export const thinStepsMessage = (result: Pick<ScoreResult, 'thinSteps' | 'steps' | 'band'>): string => {
  const thin = (result.thinSteps ?? []).map((id) => {
    const step = result.steps.find((x) => x.step === id);
    return `${stepInfo(id).title} scored ${step?.percent ?? 0}%`;
  });
  return `Strong needs every step: ${thin.join(', ')}. The band stays ${result.band} until ${thin.length === 1 ? 'it is' : 'they are'} answered.`;
};

/** A fatal flaw's hint under a heading that already says fatal: "Fatal: a client talking…" → "A client talking…". */
export const fatalHintText = (hint: string): string => {
  const rest = hint.replace(/^fatal:\s*/i, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
};

/** Why the band is lower than the percentage alone gives (a fatal flaw or a skipped step), or null when it is not. */
export const bandCapMessage = (
  result: Pick<ScoreResult, 'uncappedBand' | 'thinSteps' | 'steps' | 'band' | 'fatalFlaws'>,
): string | null => {
  if (!result.uncappedBand) return null;
  if (result.thinSteps) return thinStepsMessage(result);
  const these = result.fatalFlaws.length === 1 ? 'this flaw' : 'these flaws';
  return `The band is capped at ${result.band}: without ${these} the design would be ${result.uncappedBand}.`;
};

/** A fatal flaw, or a step as good as skipped, keeps a design out of the top band; two fatal flaws make it weak. */
const capBand = (band: Band, fatal: number, thinSteps: number): Band => {
  if (fatal >= 2) return 'weak';
  if ((fatal === 1 || thinSteps > 0) && band === 'strong') return 'acceptable';
  return band;
};
