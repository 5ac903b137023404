import type { z } from 'zod';
import type { StepId } from '../framework/steps';
import type { BoardGraph } from './graph';
import type { Quantity } from './quantities';

/** A piece of the notes that earned (or broke) a check: which step, and the words around the match. */
export interface NoteExcerpt {
  readonly step: string;
  readonly excerpt: string;
}

/** What a check found: the ids the UI can select, and note excerpts it can quote. */
export interface Evidence {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  readonly notes: readonly NoteExcerpt[];
}

export const NO_EVIDENCE: Evidence = { nodeIds: [], edgeIds: [], notes: [] };

/** A check's verdict. `note` is a short sentence for the UI, e.g. "found 4,000/s (expected 4,000/s ±2.5×)". */
export interface CheckOutcome {
  readonly passed: boolean;
  readonly evidence: Evidence;
  readonly note?: string;
}

/** An expected figure a rubric declares once and estimate checks refer to by name. */
export interface ExpectedEstimate {
  readonly id: string;
  readonly quantity: Quantity;
  /** In base units: requests per second, bytes, or bytes per second. */
  readonly value: number;
  /** As the rubric wrote it, for messages ("40/s", "3 TB"). */
  readonly display: string;
  /** Accepted when value / tolerance ≤ estimate ≤ value × tolerance. */
  readonly tolerance: number;
}

/** What a check may read besides the board: the rubric's declared figures. */
export interface CheckEnv {
  readonly estimates: ReadonlyMap<string, ExpectedEstimate>;
}

/**
 * One check type, shaped like an ESLint rule: `meta` describes it and
 * validates its options; `evaluate` is pure, synchronous and deterministic.
 */
export interface CheckDefinition<O = unknown> {
  /** Kebab-case id; also the file name under shared/rules/checks/. */
  readonly type: string;
  readonly meta: {
    readonly description: string;
    /** Validates the options written beside `type` in a rubric (a strict object schema). */
    readonly options: z.ZodType<O>;
  };
  readonly evaluate: (graph: BoardGraph, options: O, env: CheckEnv) => CheckOutcome;
}

/** Declares a check with its options type inferred from its schema. */
export const defineCheck = <S extends z.ZodType>(def: {
  readonly type: string;
  readonly meta: { readonly description: string; readonly options: S };
  readonly evaluate: (graph: BoardGraph, options: z.output<S>, env: CheckEnv) => CheckOutcome;
}): CheckDefinition<z.output<S>> => def as CheckDefinition<z.output<S>>;

/** A rubric condition: a check call (type + its options) or an all/any/not combination. */
export type Condition = AllCondition | AnyCondition | NotCondition | CheckCall;
export interface AllCondition {
  readonly all: readonly Condition[];
}
export interface AnyCondition {
  readonly any: readonly Condition[];
}
export interface NotCondition {
  readonly not: Condition;
}

export interface CheckCall {
  readonly type: string;
  readonly [option: string]: unknown;
}

// `in` cannot narrow CheckCall away (its index signature admits any key), hence these guards.
export const isAll = (c: Condition): c is AllCondition => !('type' in c) && 'all' in c;
export const isAny = (c: Condition): c is AnyCondition => !('type' in c) && 'any' in c;
export const isNot = (c: Condition): c is NotCondition => !('type' in c) && 'not' in c;

/** The evaluated condition tree: every node keeps its own pass/fail, so the UI can say exactly why. */
export type ConditionResult =
  | {
      readonly op: 'check';
      readonly type: string;
      readonly passed: boolean;
      readonly evidence: Evidence;
      readonly note?: string;
    }
  | { readonly op: 'all' | 'any'; readonly passed: boolean; readonly children: readonly ConditionResult[] }
  | { readonly op: 'not'; readonly passed: boolean; readonly child: ConditionResult };

/** One scored rule. */
export interface RuleResult {
  readonly id: string;
  readonly step: StepId;
  readonly weight: number;
  readonly passed: boolean;
  readonly evidence: Evidence;
  /** The rubric's `pass` text when passed, its `hint` otherwise (plus an internal-error note if a check crashed). */
  readonly explanation: string;
  readonly concept?: string;
  readonly condition: ConditionResult;
}

export interface StepScore {
  readonly step: StepId;
  readonly earned: number;
  readonly possible: number;
  /** 0–100, rounded; 0 when the step has no rules. */
  readonly percent: number;
}

export const BANDS = ['strong', 'acceptable', 'weak'] as const;
export type Band = (typeof BANDS)[number];

export interface ScoreResult {
  readonly rubricId: string;
  readonly rules: readonly RuleResult[];
  readonly steps: readonly StepScore[];
  readonly earned: number;
  readonly possible: number;
  readonly percent: number;
  readonly band: Band;
}
