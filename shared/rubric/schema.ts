import { z } from 'zod';
import { STEP_IDS, type StepId } from '../framework/steps';
import { QUANTITIES } from '../rules/quantities';
import { type Condition, type ExpectedEstimate, SEVERITIES, type Severity } from '../rules/types';

/**
 * The rubric file format (rubrics/*.yaml or *.json), version 1. Rules are
 * data: a check tree plus the texts shown when the rule passes or fails.
 * Check trees are validated separately (see conditions.ts) so that errors
 * can name the check's own option at fault.
 */
export const RUBRIC_FORMAT = 'archdrill.rubric';

/** Difficulty levels, easiest first (the picker's order). */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const text = z.string().trim().min(1, 'must not be empty');
const kebab = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes (e.g. "url-shortener")');

export const stepIdSchema = z.enum(STEP_IDS, {
  error: (i) =>
    i.input === undefined ? 'is required' : `unknown step ${JSON.stringify(i.input)} (one of ${STEP_IDS.join(', ')})`,
});

export const estimateFileSchema = z.strictObject({
  id: kebab,
  /** What the figure is, for people: "New URLs per second". */
  label: text,
  quantity: z.enum(QUANTITIES),
  /** With its unit, as a candidate would write it: "40/s", "3 TB", "25 MB/s". */
  expected: text,
  /** Accepted range: expected ÷ tolerance … expected × tolerance (so 2 means "within a factor of two"). */
  tolerance: z.number().min(1, 'must be ≥ 1 (a factor: 2 means within 2× either way)'),
  /** How the figure is derived, shown after the mock. */
  how: text.optional(),
  /** Words that say a figure is about this quantity: [writes, new urls, creates]. Without them any figure of the quantity counts. */
  about: z.array(text).min(1).optional(),
  /** Words that say a nearby figure is about something else: [cache, memory, bandwidth]. */
  notAbout: z.array(text).min(1).optional(),
  /** Storage: accept a figure the note says includes replication (×2–×5, "RF 3") against expected × that factor. */
  replication: z.boolean().optional(),
  /** Appended to the "off by" message: where the derivation usually goes wrong. */
  offHint: text.optional(),
});

/**
 * A rule as written in the file; `check`, `flaw`, `explain` and `appliesWhen`
 * are condition trees validated by validateCondition. A rule has either a
 * `check` (what earns it) or a `flaw` (an anti-pattern: the rule passes when
 * the flaw is absent, and scores nothing when the board lacks what it talks about).
 */
export const ruleFileSchema = z.strictObject({
  id: kebab,
  step: stepIdSchema,
  weight: z.number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a number') }).positive('must be > 0'),
  check: z.unknown().optional(),
  /** An anti-pattern detector: found = the rule fails. */
  flaw: z.unknown().optional(),
  /** For a flaw: minor or major cost their weight; fatal also caps the band. */
  severity: z.enum(SEVERITIES).optional(),
  /** What the notes must say besides what `check` finds drawn; only one of the two earns `partial`. */
  explain: z.unknown().optional(),
  /** Share of the weight for half of a drawn-and-explained rule (default 0.5). */
  partial: z.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1').optional(),
  /** The rule applies only when this holds; otherwise it scores nothing either way. */
  appliesWhen: z.unknown().optional(),
  /** Steps whose notes the rule reads besides its own `step`. */
  steps: z.array(stepIdSchema).min(1).optional(),
  /** Shown when the rule passes: what earned the point. */
  pass: text,
  /** Shown when it fails: why it matters and what a strong answer has. */
  hint: text,
  /** The idea behind the rule, e.g. "Base62 encoding"; a heading for study. */
  concept: text.optional(),
});

export const rubricFileSchema = z.strictObject({
  format: z.literal(RUBRIC_FORMAT),
  version: z.number(),
  id: kebab,
  title: text,
  /** One line for the question picker. */
  summary: text,
  /** A shelf in the question picker: "Web basics", "Transactions", … */
  category: text.optional(),
  /** How much a candidate must juggle; the picker filters and sorts by it. */
  difficulty: z.enum(DIFFICULTIES).optional(),
  /** The brief the candidate reads: what to build and at what scale. */
  prompt: text,
  estimates: z.array(z.unknown()).default([]),
  /** Questions an interviewer could ask after the main design. */
  followUps: z.array(text).default([]),
  rules: z.array(z.unknown()).min(1, 'must list at least one rule'),
});

/** An expected figure, parsed: value in base units plus the file's wording. */
export interface RubricEstimate extends ExpectedEstimate {
  readonly label: string;
  readonly how?: string;
}

export interface RubricRule {
  readonly id: string;
  readonly step: StepId;
  readonly weight: number;
  /** What earns the rule; for a flaw rule, the flaw detector (the rule passes when it is not found). */
  readonly check: Condition;
  /** True for an anti-pattern rule (`flaw:` in the file). */
  readonly flaw?: boolean;
  readonly severity?: Severity;
  readonly explain?: Condition;
  readonly partial?: number;
  readonly appliesWhen?: Condition;
  /** Steps whose notes the rule reads: its own step first, then the extras. */
  readonly steps?: readonly StepId[];
  readonly pass: string;
  readonly hint: string;
  readonly concept?: string;
}

/** A validated rubric, ready for scoreBoard. */
export interface Rubric {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly category?: string;
  readonly difficulty?: Difficulty;
  readonly prompt: string;
  readonly estimates: readonly RubricEstimate[];
  readonly followUps: readonly string[];
  readonly rules: readonly RubricRule[];
}
