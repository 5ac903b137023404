import type { BoardGraph } from './graph';
import { getCheck } from './registry';
import {
  type CheckCall,
  type CheckDefinition,
  type CheckEnv,
  type Condition,
  type ConditionResult,
  type EstimateDelta,
  type Evidence,
  isAll,
  isAny,
  isNot,
} from './types';

/**
 * Evaluates a validated condition tree. Never throws: an unknown type or a
 * crashing check becomes a failed leaf whose note says "internal error", so
 * one bad rule cannot take the score panel down.
 */
export const evaluateCondition = (graph: BoardGraph, condition: Condition, env: CheckEnv): ConditionResult => {
  if (isAll(condition)) {
    const children = condition.all.map((c) => evaluateCondition(graph, c, env));
    return { op: 'all', passed: children.every((c) => c.passed), children };
  }
  if (isAny(condition)) {
    const children = condition.any.map((c) => evaluateCondition(graph, c, env));
    return { op: 'any', passed: children.some((c) => c.passed), children };
  }
  if (isNot(condition)) {
    const child = evaluateCondition(graph, condition.not, env);
    return { op: 'not', passed: !child.passed, child };
  }
  const type = (condition as CheckCall).type;
  const check = getCheck(type);
  if (!check) return failedLeaf(type, `internal error: unknown check type "${type}"`);
  try {
    const options = optionsOf(check, condition as CheckCall);
    if (!options.ok) return failedLeaf(type, `internal error: invalid options: ${options.message}`);
    const outcome = check.evaluate(graph, options.value, env);
    return {
      op: 'check',
      type,
      passed: outcome.passed,
      evidence: outcome.evidence,
      ...(outcome.note && { note: outcome.note }),
      ...(outcome.applicable === false && { applicable: false }),
      ...(outcome.delta && { delta: outcome.delta }),
    };
  } catch (err) {
    return failedLeaf(type, `internal error in check "${type}": ${err instanceof Error ? err.message : String(err)}`);
  }
};

type ParsedOptions = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };
const optionsCache = new WeakMap<CheckCall, ParsedOptions>();

/**
 * A check call's options, validated and with defaults applied, parsed once
 * per rubric object (rubrics were validated on load; this also covers
 * rubrics built in code).
 */
const optionsOf = (check: CheckDefinition, call: CheckCall): ParsedOptions => {
  let parsed = optionsCache.get(call);
  if (!parsed) {
    const { type: _type, ...options } = call;
    const r = check.meta.options.safeParse(options);
    parsed = r.success ? { ok: true, value: r.data } : { ok: false, message: r.error.issues[0]?.message ?? 'unknown problem' };
    optionsCache.set(call, parsed);
  }
  return parsed;
};

const failedLeaf = (type: string, note: string): ConditionResult => ({
  op: 'check',
  type,
  passed: false,
  evidence: { nodeIds: [], edgeIds: [], notes: [] },
  note,
});

/** Notes of leaves whose text starts with "internal error", so the rule's explanation can surface them. */
export const internalErrors = (result: ConditionResult): string[] => {
  if (result.op === 'check') return result.note?.startsWith('internal error') ? [result.note] : [];
  if (result.op === 'not') return internalErrors(result.child);
  return result.children.flatMap(internalErrors);
};

/**
 * The ids and excerpts a rule shows. For a passed rule, what earned it
 * (passing leaves); for a failed one, what broke it: the culprits found by a
 * check under `not` (e.g. the single load balancer), so clicking the rule selects them.
 */
export const collectEvidence = (result: ConditionResult): Evidence => {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  const notes: Evidence['notes'][number][] = [];
  const visit = (r: ConditionResult, want: boolean): void => {
    if (r.op === 'check') {
      if (r.passed !== want) return;
      for (const id of r.evidence.nodeIds) nodeIds.add(id);
      for (const id of r.evidence.edgeIds) edgeIds.add(id);
      notes.push(...r.evidence.notes);
    } else if (r.op === 'not') visit(r.child, !want);
    else for (const c of r.children) visit(c, want);
  };
  visit(result, result.passed);
  return { nodeIds: [...nodeIds], edgeIds: [...edgeIds], notes };
};

/** Whether any leaf of the tree applies to the board (an anti-pattern about databases does not apply to a board with none). */
export const isApplicable = (result: ConditionResult): boolean => {
  if (result.op === 'check') return result.applicable !== false;
  if (result.op === 'not') return isApplicable(result.child);
  return result.children.some(isApplicable);
};

/** The estimate comparisons made anywhere in the tree. */
export const estimateDeltas = (result: ConditionResult): EstimateDelta[] => {
  if (result.op === 'check') return result.delta ? [result.delta] : [];
  if (result.op === 'not') return estimateDeltas(result.child);
  return result.children.flatMap(estimateDeltas);
};
