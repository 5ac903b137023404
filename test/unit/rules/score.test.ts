import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rubric } from '../../../shared/rubric/schema';
import { scoreBoard } from '../../../shared/rules';
import { getCheck } from '../../../shared/rules/registry';
import { board, chain, node } from '../../fixtures/boards/builders';

const rubric: Rubric = {
  id: 'tiny',
  title: 'Tiny',
  summary: 's',
  prompt: 'p',
  estimates: [],
  followUps: [],
  rules: [
    {
      id: 'has-cache',
      step: 'high_level',
      weight: 3,
      check: { type: 'component-exists', select: { kind: 'cache' } },
      pass: 'cache drawn',
      hint: 'draw a cache',
    },
    {
      id: 'lb-redundant',
      step: 'bottlenecks',
      weight: 1,
      check: {
        all: [
          { type: 'component-exists', select: { kind: 'load_balancer' } },
          { not: { type: 'single-point-of-failure', select: { kind: 'load_balancer' } } },
        ],
      },
      pass: 'two load balancers',
      hint: 'run two load balancers',
    },
  ],
};

const withCacheAndOneLb = board(
  [node('lb', 'load_balancer'), node('app', 'service'), node('c', 'cache')],
  chain('lb', 'app', 'c'),
);

afterEach(() => vi.restoreAllMocks());

describe('scoreBoard', () => {
  it('scores per step and overall, with the pass text or the hint', () => {
    const r = scoreBoard(withCacheAndOneLb, rubric);
    expect(r.rules.map((x) => [x.id, x.passed, x.explanation])).toEqual([
      ['has-cache', true, 'cache drawn'],
      ['lb-redundant', false, 'run two load balancers'],
    ]);
    expect(r.steps.find((s) => s.step === 'high_level')).toEqual({ step: 'high_level', earned: 3, possible: 3, percent: 100 });
    expect(r.steps.find((s) => s.step === 'bottlenecks')).toEqual({ step: 'bottlenecks', earned: 0, possible: 1, percent: 0 });
    expect(r.steps.find((s) => s.step === 'understand')).toEqual({ step: 'understand', earned: 0, possible: 0, percent: 0 });
    // 75 % would be strong, but the bottlenecks step scored nothing: a skipped step keeps it acceptable.
    expect([r.earned, r.possible, r.percent, r.band, r.uncappedBand, r.thinSteps]).toEqual([
      3,
      4,
      75,
      'acceptable',
      'strong',
      ['bottlenecks'],
    ]);
  });

  it('keeps every condition’s pass/fail in the tree', () => {
    const lb = scoreBoard(withCacheAndOneLb, rubric).rules[1]!;
    expect(lb.condition).toMatchObject({
      op: 'all',
      passed: false,
      children: [
        { op: 'check', type: 'component-exists', passed: true },
        { op: 'not', passed: false, child: { op: 'check', type: 'single-point-of-failure', passed: true } },
      ],
    });
  });

  it('points a failed anti-pattern rule at the culprit', () => {
    const lb = scoreBoard(withCacheAndOneLb, rubric).rules[1]!;
    expect(lb.evidence.nodeIds).toEqual(['lb']);
  });

  it('is deterministic', () => {
    expect(scoreBoard(withCacheAndOneLb, rubric)).toEqual(scoreBoard(withCacheAndOneLb, rubric));
  });

  it('turns a crashing check into a failed rule with an internal-error note, and scores the rest', () => {
    vi.spyOn(getCheck('component-exists')!, 'evaluate').mockImplementation(() => {
      throw new Error('boom');
    });
    const r = scoreBoard(withCacheAndOneLb, rubric);
    expect(r.rules[0]).toMatchObject({ id: 'has-cache', passed: false });
    expect(r.rules[0]!.explanation).toContain('internal error in check "component-exists": boom');
    expect(r.rules[1]!.condition.op).toBe('all');
  });

  it('fails a rule with an unknown check type instead of throwing', () => {
    const broken: Rubric = { ...rubric, rules: [{ ...rubric.rules[0]!, check: { type: 'no-such-check' } }] };
    const r = scoreBoard(withCacheAndOneLb, broken);
    expect(r.rules[0]!.passed).toBe(false);
    expect(r.rules[0]!.explanation).toContain('internal error');
  });

  it('ignores edges whose ends are missing (a live doc can hold them briefly)', () => {
    const dangling = { ...withCacheAndOneLb, edges: [...withCacheAndOneLb.edges, { id: 'x', source: 'gone', target: 'c' }] };
    expect(scoreBoard(dangling, rubric).rules[0]!.passed).toBe(true);
  });
});
