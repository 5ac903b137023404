import type { z } from 'zod';
import { getCheck } from '../rules/registry';
import type { Condition } from '../rules/types';

/** One problem in a check tree: `field` is a path like `check.all[1].type`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export const formatPath = (base: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? String(p) : `${acc}.${String(p)}`),
    base,
  );

/**
 * The most telling path and message of a zod issue. For a union ("a kind or a
 * list of kinds") zod reports only "Invalid input"; the branch that got past
 * the type test (e.g. the enum's "unknown kind") says what is actually wrong.
 * "expected number, received undefined" reads better as "is required".
 */
export const explainIssue = (issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } => {
  if (issue.code === 'invalid_union') {
    const branches = issue.errors.flat();
    const telling = branches.find((i) => i.code !== 'invalid_type') ?? branches[0];
    if (telling) {
      const inner = explainIssue(telling);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
  }
  return { path: issue.path, message: /received undefined$/.test(issue.message) ? 'is required' : issue.message };
};

/** `explainIssue` as one field path under `base` plus its message. */
export const issueProblem = (base: string, issue: z.core.$ZodIssue): FieldProblem => {
  const { path, message } = explainIssue(issue);
  return { field: formatPath(base, path), message };
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const COMBINATORS = ['all', 'any', 'not'] as const;

/**
 * Validates a condition tree written in a rubric and returns it with every
 * check's options parsed (defaults applied), or the problems found, each
 * naming its field. Collects all problems rather than stopping at the first.
 */
export const validateCondition = (
  raw: unknown,
  field: string,
): { readonly condition: Condition | null; readonly problems: FieldProblem[] } => {
  const problems: FieldProblem[] = [];
  const visit = (value: unknown, at: string): Condition | null => {
    if (!isPlainObject(value)) {
      problems.push({ field: at, message: 'must be an object: a check ({type: …}) or all/any/not' });
      return null;
    }
    const combinator = COMBINATORS.find((k) => k in value);
    if (combinator) {
      const extra = Object.keys(value).filter((k) => k !== combinator);
      if (extra.length > 0) {
        problems.push({ field: `${at}.${extra[0]}`, message: `"${combinator}" cannot be combined with other keys` });
        return null;
      }
      const inner = value[combinator];
      if (combinator === 'not') {
        const child = visit(inner, `${at}.not`);
        return child && { not: child };
      }
      if (!Array.isArray(inner) || inner.length === 0) {
        problems.push({ field: `${at}.${combinator}`, message: 'must be a non-empty list of conditions' });
        return null;
      }
      const children = inner.map((c, i) => visit(c, `${at}.${combinator}[${i}]`));
      if (children.some((c) => c === null)) return null;
      return combinator === 'all' ? { all: children as Condition[] } : { any: children as Condition[] };
    }
    const { type, ...options } = value;
    if (typeof type !== 'string') {
      problems.push({
        field: `${at}.type`,
        message: type === undefined ? 'is required (or use all/any/not)' : 'must be a string',
      });
      return null;
    }
    const check = getCheck(type);
    if (!check) {
      problems.push({ field: `${at}.type`, message: `unknown check type ${JSON.stringify(type)}` });
      return null;
    }
    const parsed = check.meta.options.safeParse(options);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issueProblem(at, issue));
      return null;
    }
    return { type, ...(parsed.data as Record<string, unknown>) };
  };
  const condition = visit(raw, field);
  return { condition: problems.length === 0 ? condition : null, problems };
};
