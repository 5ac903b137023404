import { expect, it } from 'vitest';
import type { Board } from '../../../shared/board/types';
import type { StepId } from '../../../shared/framework/steps';
import { buildGraph } from '../../../shared/rules/graph';
import { getCheck } from '../../../shared/rules/registry';
import type { CheckEnv, Evidence, ExpectedEstimate } from '../../../shared/rules/types';

/** One case of a check test: a board, the options as a rubric would write them, and what must be found. */
export interface CheckCase {
  readonly name: string;
  readonly board: Board;
  readonly options: Record<string, unknown>;
  /** The steps the rule reads (its own step plus extras), as the scorer passes them. */
  readonly steps?: readonly StepId[];
  /** The brief: sentences copied from it do not count. */
  readonly prompt?: string;
  /** For anti-pattern detectors: whether the check applies to the board (default: it does). */
  readonly applicable?: boolean;
  /** Ids or excerpts the evidence must include. */
  readonly evidence?: Partial<{ nodeIds: string[]; edgeIds: string[]; excerpts: string[] }>;
}

const envOf = (estimates: readonly ExpectedEstimate[] = [], c?: CheckCase): CheckEnv => ({
  estimates: new Map(estimates.map((e) => [e.id, e])),
  ...(c?.steps && { steps: c.steps }),
  ...(c?.prompt && { prompt: c.prompt }),
});

const expectEvidence = (actual: Evidence, want: CheckCase['evidence']): void => {
  if (!want) return;
  for (const id of want.nodeIds ?? []) expect(actual.nodeIds).toContain(id);
  for (const id of want.edgeIds ?? []) expect(actual.edgeIds).toContain(id);
  for (const text of want.excerpts ?? []) expect(actual.notes.map((n) => n.excerpt).join(' | ')).toContain(text);
};

/**
 * ESLint's RuleTester, for checks: every `valid` case must pass and every
 * `invalid` case must fail, with the options validated by the check's own schema.
 */
export const testCheck = (
  type: string,
  cases: { valid: readonly CheckCase[]; invalid: readonly CheckCase[]; estimates?: readonly ExpectedEstimate[] },
): void => {
  const check = getCheck(type);
  const run = (c: CheckCase) => {
    expect(check, `check "${type}" is registered`).toBeDefined();
    const options = check!.meta.options.parse(c.options);
    return check!.evaluate(buildGraph(c.board), options, envOf(cases.estimates, c));
  };
  it.each(cases.valid.map((c) => [c.name, c] as const))('passes: %s', (_name, c) => {
    const outcome = run(c);
    expect(outcome.passed, outcome.note).toBe(true);
    expect(outcome.applicable ?? true, 'applicable').toBe(c.applicable ?? true);
    expectEvidence(outcome.evidence, c.evidence);
  });
  it.each(cases.invalid.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
    const outcome = run(c);
    expect(outcome.passed, outcome.note).toBe(false);
    expect(outcome.applicable ?? true, 'applicable').toBe(c.applicable ?? true);
    expectEvidence(outcome.evidence, c.evidence);
  });
};
