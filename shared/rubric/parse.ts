import { parseDocument } from 'yaml';
import { type Figure, parseExpected } from '../rules/quantities';
import { type CheckCall, type Condition, isAll, isAny, isNot } from '../rules/types';
import { issueProblem, validateCondition } from './conditions';
import { CURRENT_RUBRIC_VERSION, migrateRubric } from './migrations';
import {
  estimateFileSchema,
  RUBRIC_FORMAT,
  type Rubric,
  type RubricEstimate,
  type RubricRule,
  rubricFileSchema,
  ruleFileSchema,
} from './schema';

/** One problem in a rubric file, precise enough to fix without reading the code. */
export interface RubricError {
  readonly file: string;
  /** 1-based line, for syntax errors. */
  readonly line?: number;
  /** The rule's id, or `#3` (1-based) when the rule has no usable id. */
  readonly rule?: string;
  /** Path inside the rule (or the file, for top-level fields): `check.all[1].type`, `weight`. */
  readonly field?: string;
  readonly message: string;
}

export type RubricParseResult =
  | { readonly ok: true; readonly rubric: Rubric }
  | { readonly ok: false; readonly errors: readonly RubricError[] };

/** `chat.yaml: rule "ws-servers": check.type: unknown check type "foo"` */
export const formatRubricError = (e: RubricError): string =>
  `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.rule !== undefined ? `rule ${e.rule.startsWith('#') ? e.rule : `"${e.rule}"`}: ` : ''}${e.field ? `${e.field}: ` : ''}${e.message}`;

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Reads JSON (by extension or a leading brace) or YAML into plain data, or one syntax error with its line. */
const readData = (text: string, file: string): { data: unknown } | { error: RubricError } => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { error: { file, message: 'the file is empty' } };
  if (/\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && body.trimStart().startsWith('{'))) {
    try {
      return { data: JSON.parse(body) };
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      const at = /position (\d+)/.exec(msg);
      return { error: { file, ...(at && { line: lineOf(body, Number(at[1])) }), message: `JSON syntax error: ${msg}` } };
    }
  }
  const doc = parseDocument(body);
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { error: { file, ...(line !== undefined && { line }), message: `YAML syntax error: ${reason}` } };
  }
  return { data: doc.toJS() };
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a rubric file (YAML or JSON). Never throws; collects
 * every problem it can find, each naming the file, the rule and the field.
 * @example parseRubric(text, 'chat.yaml') // { ok: false, errors: [{ file: 'chat.yaml', rule: 'ws-servers', field: 'check.type', … }] }
 */
export const parseRubric = (text: string, file: string): RubricParseResult => {
  const read = readData(text, file);
  if ('error' in read) return { ok: false, errors: [read.error] };
  return parseRubricData(read.data, file);
};

/** Validates a rubric already read from its file (YAML's or JSON's data), as parseRubric does after reading. */
export const parseRubricData = (data: unknown, file: string): RubricParseResult => {
  const fail = (message: string, field?: string): RubricParseResult => ({
    ok: false,
    errors: [{ file, ...(field && { field }), message }],
  });
  if (!isObject(data)) return fail('not a rubric: expected a mapping of fields (id, title, rules, …)');
  const raw = data;
  if (raw.format !== RUBRIC_FORMAT)
    return fail(`not an Archdrill rubric: expected "${RUBRIC_FORMAT}", got ${JSON.stringify(raw.format) ?? 'nothing'}`, 'format');
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    return fail(`must be a whole number ≥ 1, got ${JSON.stringify(raw.version) ?? 'nothing'}`, 'version');
  if (raw.version > CURRENT_RUBRIC_VERSION)
    return fail(
      `written for a newer Archdrill (version ${raw.version}; this app reads up to ${CURRENT_RUBRIC_VERSION})`,
      'version',
    );

  const top = rubricFileSchema.safeParse(migrateRubric(raw));
  if (!top.success)
    return {
      ok: false,
      errors: top.error.issues.map((i) => ({ file, ...issueProblem('', i) })),
    };
  const errors: RubricError[] = [];

  const estimates: RubricEstimate[] = [];
  top.data.estimates.forEach((entry, i) => {
    const parsed = estimateFileSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ file, ...issueProblem(`estimates[${i}]`, issue) });
      return;
    }
    const e = parsed.data;
    const figure: Figure | null = parseExpected(e.expected);
    if (!figure || figure.quantity !== e.quantity) {
      errors.push({
        file,
        field: `estimates[${i}].expected`,
        message: `${JSON.stringify(e.expected)} is not one ${e.quantity} figure (write e.g. ${e.quantity === 'qps' ? '"40/s"' : e.quantity === 'storage' ? '"3 TB"' : e.quantity === 'count' ? '"10M"' : '"25 MB/s"'})`,
      });
      return;
    }
    if (estimates.some((x) => x.id === e.id))
      errors.push({ file, field: `estimates[${i}].id`, message: `duplicate estimate id "${e.id}"` });
    estimates.push({
      id: e.id,
      label: e.label,
      quantity: e.quantity,
      value: figure.value,
      display: e.expected,
      tolerance: e.tolerance,
      ...(e.how !== undefined && { how: e.how }),
      ...(e.about && { about: e.about }),
      ...(e.notAbout && { notAbout: e.notAbout }),
      ...(e.replication !== undefined && { replication: e.replication }),
      ...(e.offHint !== undefined && { offHint: e.offHint }),
    });
  });

  const rules: RubricRule[] = [];
  const seen = new Set<string>();
  top.data.rules.forEach((entry, i) => {
    const ruleName = isObject(entry) && typeof entry.id === 'string' && entry.id !== '' ? entry.id : `#${i + 1}`;
    const at = (field: string, message: string): void => void errors.push({ file, rule: ruleName, field, message });
    if (!isObject(entry)) {
      at('', 'must be a mapping (id, step, weight, check, pass, hint)');
      return;
    }
    const parsed = ruleFileSchema.safeParse(entry);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const p = issueProblem('', issue);
        at(p.field, p.message);
      }
    const hasCheck = entry.check !== undefined;
    const hasFlaw = entry.flaw !== undefined;
    if (hasCheck === hasFlaw)
      at(
        hasCheck ? 'flaw' : 'check',
        hasCheck ? 'a rule has either check or flaw, not both' : 'is required (or flaw, for an anti-pattern)',
      );
    if (entry.severity !== undefined && !hasFlaw) at('severity', 'only a flaw rule has a severity');
    if (entry.partial !== undefined && entry.explain === undefined)
      at('partial', 'only a rule with explain gives partial credit');
    const tree = (field: 'check' | 'flaw' | 'explain' | 'appliesWhen'): Condition | null | undefined => {
      if (entry[field] === undefined) return undefined;
      const { condition, problems } = validateCondition(entry[field], field);
      for (const p of problems) at(p.field, p.message);
      return condition;
    };
    const condition = tree(hasFlaw ? 'flaw' : 'check');
    const explain = tree('explain');
    const appliesWhen = tree('appliesWhen');
    if (seen.has(ruleName)) at('id', `duplicate rule id "${ruleName}"`);
    seen.add(ruleName);
    if (!parsed.success || !condition || explain === null || appliesWhen === null) return;
    for (const tree of [condition, explain, appliesWhen])
      for (const name of tree ? estimateRefs(tree) : [])
        if (!estimates.some((e) => e.id === name) && !top.data.estimates.some((e) => isObject(e) && e.id === name))
          at(`${hasFlaw ? 'flaw' : 'check'}.estimate`, `unknown estimate "${name}" (declare it under estimates)`);
    const r = parsed.data;
    rules.push({
      id: r.id,
      step: r.step,
      weight: r.weight,
      check: condition,
      ...(hasFlaw && { flaw: true, severity: r.severity ?? 'major' }),
      ...(explain && { explain }),
      ...(r.partial !== undefined && { partial: r.partial }),
      ...(appliesWhen && { appliesWhen }),
      steps: [r.step, ...(r.steps ?? []).filter((s) => s !== r.step)],
      pass: r.pass,
      hint: r.hint,
      ...(r.concept !== undefined && { concept: r.concept }),
    });
  });

  if (errors.length > 0) return { ok: false, errors };
  const d = top.data;
  return {
    ok: true,
    rubric: {
      id: d.id,
      title: d.title,
      summary: d.summary,
      ...(d.category !== undefined && { category: d.category }),
      ...(d.difficulty !== undefined && { difficulty: d.difficulty }),
      prompt: d.prompt,
      estimates,
      followUps: d.followUps,
      rules,
    },
  };
};

/** Names of the estimates a condition tree refers to. */
const estimateRefs = (c: Condition): string[] => {
  if (isAll(c)) return c.all.flatMap(estimateRefs);
  if (isAny(c)) return c.any.flatMap(estimateRefs);
  if (isNot(c)) return estimateRefs(c.not);
  const call = c as CheckCall;
  return call.type === 'estimate-within' && typeof call.estimate === 'string' ? [call.estimate] : [];
};
