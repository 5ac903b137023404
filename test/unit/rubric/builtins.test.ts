import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../shared/framework/steps';
import type { CheckCall, Condition } from '../../../shared/rules/types';
import { loadBuiltin, QUESTIONS } from './builtins';

const checkTypes = (c: Condition): string[] =>
  'all' in c && Array.isArray(c.all)
    ? c.all.flatMap(checkTypes)
    : 'any' in c && Array.isArray(c.any)
      ? c.any.flatMap(checkTypes)
      : 'not' in c && !('type' in c)
        ? checkTypes(c.not as Condition)
        : [(c as CheckCall).type];

describe.each(QUESTIONS)('built-in rubric %s', (id) => {
  const rubric = loadBuiltin(id);

  it('parses, with its file id', () => {
    expect(rubric.id).toBe(id);
    expect(rubric.prompt).toMatch(/scale/i);
  });

  it('has at least 15 weighted rules over all five steps', () => {
    expect(rubric.rules.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rubric.rules.map((r) => r.step))).toEqual(new Set(STEP_IDS));
  });

  it('expects QPS and storage estimates, each checked by a rule', () => {
    expect(rubric.estimates.map((e) => e.quantity)).toEqual(expect.arrayContaining(['qps', 'storage']));
    const used = rubric.rules.flatMap((r) => checkTypes(r.check));
    expect(used).toContain('estimate-within');
  });

  it('checks the anti-patterns as flaw rules, with at least one fatal', () => {
    const flaws = rubric.rules.filter((r) => r.flaw);
    expect(flaws.flatMap((r) => checkTypes(r.check))).toEqual(
      expect.arrayContaining(['client-reaches-datastore', 'database-lacks-replica', 'single-entry-point']),
    );
    expect(flaws.filter((r) => r.severity === 'fatal').length).toBeGreaterThanOrEqual(2);
  });

  it('gives every rule a hint that teaches (longer than its pass text)', () => {
    for (const r of rubric.rules) expect(r.hint.length, r.id).toBeGreaterThan(60);
  });
});
