import type { z } from 'zod';
import type { NodeKind } from '../board/kinds';
import type { StepId } from '../framework/steps';
import type { BoardGraph, DeadEndReason } from './graph';
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

/**
 * A check's verdict. `note` is a short sentence for the UI, e.g. "found
 * 4,000/s (expected 4,000/s ±2.5×)". `applicable: false` says the board lacks
 * what the check talks about (an anti-pattern about databases on a board
 * with none): the rule then scores nothing either way. `delta` is set by
 * estimate checks: how far the candidate's figure is from the expected one.
 */
export interface CheckOutcome {
  readonly passed: boolean;
  readonly evidence: Evidence;
  readonly note?: string;
  readonly applicable?: boolean;
  readonly delta?: EstimateDelta;
}

/** How a stated figure compares with the rubric's: the basis of "your 40,000/s is 1,000× the ≈40/s" messages. */
export interface EstimateDelta {
  readonly estimate: string;
  readonly label: string;
  /** The expected figure as the rubric writes it. */
  readonly expected: string;
  /** The candidate's figure as written, when one about this quantity was found. */
  readonly found?: string;
  /** found ÷ expected (after replication, when the note says so). */
  readonly ratio?: number;
  readonly withinTolerance: boolean;
  /** One sentence for the candidate. */
  readonly message: string;
}

/** An expected figure a rubric declares once and estimate checks refer to by name. */
export interface ExpectedEstimate {
  readonly id: string;
  /** What the figure is, for people: "New URLs per second". */
  readonly label: string;
  readonly quantity: Quantity;
  /** In base units: requests per second, bytes, or bytes per second. */
  readonly value: number;
  /** As the rubric wrote it, for messages ("40/s", "3 TB"). */
  readonly display: string;
  /** Accepted when value / tolerance ≤ estimate ≤ value × tolerance. */
  readonly tolerance: number;
  /** Words that say a figure is about this quantity ("writes", "new URLs"); a figure binds to the estimate whose words are nearest. */
  readonly about?: readonly string[];
  /** Words that say a nearby figure is about something else ("cache", "bandwidth"). */
  readonly notAbout?: readonly string[];
  /** Storage: a figure that the note says includes replication (×2–×5, "RF 3") counts against value × that factor. */
  readonly replication?: boolean;
  /** Added to the "off by" message: where the derivation usually goes wrong ("check the month → seconds step"). */
  readonly offHint?: string;
}

/** What a check may read besides the board: the rubric's declared figures, the rule's steps, the brief. */
export interface CheckEnv {
  readonly estimates: ReadonlyMap<string, ExpectedEstimate>;
  /** The steps whose notes the rule reads (its own step plus the rubric's extra `steps`); all steps when unset. */
  readonly steps?: readonly StepId[];
  /** The brief: sentences copied from it into the notes do not count. */
  readonly prompt?: string;
}

/**
 * One check type, shaped like an ESLint rule: `meta` describes it and
 * validates its options; `evaluate` is pure, synchronous and deterministic.
 */
/** See CheckDefinition.meta.reads. */
export type CheckReads = 'drawing' | 'writing';

export interface CheckDefinition<O = unknown> {
  /** Kebab-case id; also the file name under shared/rules/checks/. */
  readonly type: string;
  readonly meta: {
    readonly description: string;
    /** Validates the options written beside `type` in a rubric (a strict object schema). */
    readonly options: z.ZodType<O>;
    /**
     * What the check looks at: the drawing (and maybe the notes too), or only
     * the writing. A writing-only check cannot be changed by a box left out of
     * the design, so the score does not ask whether one would have earned it.
     */
    readonly reads: CheckReads;
  };
  readonly evaluate: (graph: BoardGraph, options: O, env: CheckEnv) => CheckOutcome;
}

/** Declares a check with its options type inferred from its schema. */
export const defineCheck = <S extends z.ZodType>(def: {
  readonly type: string;
  readonly meta: { readonly description: string; readonly options: S; readonly reads: CheckReads };
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
      /** False when the board lacks what the check talks about. */
      readonly applicable?: boolean;
      readonly delta?: EstimateDelta;
    }
  | { readonly op: 'all' | 'any'; readonly passed: boolean; readonly children: readonly ConditionResult[] }
  | { readonly op: 'not'; readonly passed: boolean; readonly child: ConditionResult };

/** passed: full credit; partial: drawn but not explained (or the reverse); not-applicable: scores nothing either way. */
export const RULE_STATUSES = ['passed', 'partial', 'failed', 'not-applicable'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** How bad a flaw is; a `fatal` one caps the band (a design with one is never strong). */
export const SEVERITIES = ['minor', 'major', 'fatal'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One scored rule. */
export interface RuleResult {
  readonly id: string;
  readonly step: StepId;
  readonly weight: number;
  /** True only for full credit. */
  readonly passed: boolean;
  readonly status: RuleStatus;
  /** 0–1: the share of the weight earned (partial credit lies between). */
  readonly credit: number;
  /** Set for an anti-pattern rule. */
  readonly severity?: Severity;
  /** For a drawn-and-explained rule: which half the board has. */
  readonly mechanism?: { readonly drawn: boolean; readonly explained: boolean };
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

/** A fatal flaw found on the board: the rule that found it, with its hint (why it is fatal) and culprits. */
export interface FatalFlaw {
  readonly ruleId: string;
  readonly concept?: string;
  readonly hint: string;
  readonly evidence: Evidence;
}

/** A component that takes part in no design: connected to nothing a client reaches. */
export interface UnconnectedComponent {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label?: string;
}

/** A component of the design that passes work on to nothing: a queue nothing reads, a load balancer with nothing behind it. */
export interface DeadEndComponent extends UnconnectedComponent {
  readonly reason: DeadEndReason;
  /** What is missing, in a sentence: "nothing reads from it". */
  readonly why: string;
}

export interface ScoreResult {
  readonly rubricId: string;
  readonly rules: readonly RuleResult[];
  /** Fatal flaws, most weighty first; any caps the band at acceptable, two or more at weak. */
  readonly fatalFlaws: readonly FatalFlaw[];
  /** Components that earn nothing because nothing connects them to the design. */
  readonly unconnected: readonly UnconnectedComponent[];
  /** Components that earn nothing because they lead nowhere (see DeadEndComponent). */
  readonly deadEnds: readonly DeadEndComponent[];
  /** Every estimate the rubric checks, compared with the figure the notes give for it. */
  readonly estimates: readonly EstimateDelta[];
  /** The band the percentage alone would give, when a fatal flaw or a skipped step lowered it. */
  readonly uncappedBand?: Band;
  /**
   * When no fatal flaw but a step as good as skipped (under STRONG_STEP_FLOOR
   * percent) kept the design out of the top band: those steps.
   */
  readonly thinSteps?: readonly StepId[];
  readonly steps: readonly StepScore[];
  readonly earned: number;
  readonly possible: number;
  readonly percent: number;
  readonly band: Band;
}
