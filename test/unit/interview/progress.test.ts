import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../shared/interview/history';
import { averageStepScores, drillDurations, mostMissedRules, stepTimes, weakestStep } from '../../../shared/interview/progress';

const attempt = (
  id: string,
  question: string,
  scores: (number | null)[],
  missed?: string[],
  extra: Partial<AttemptRecord> = {},
) =>
  ({
    id,
    question,
    title: question,
    startedAt: 0,
    endedAt: Number(id.replace(/\D/g, '')) || 1,
    durationSec: 0,
    percent: 50,
    band: 'weak',
    perStep: (['understand', 'scope', 'high_level', 'deep_dive', 'bottlenecks'] as const).map((step, i) => ({
      step,
      plannedSec: 300,
      spentSec: 200 + i * 100,
      score: scores[i] ?? null,
    })),
    boardFile: '{}',
    ...(missed && { missed }),
    ...extra,
  }) as AttemptRecord;

describe('progress across attempts', () => {
  it('counts the rules missed most often per question: "missed in 3 of your 4 feed attempts"', () => {
    const attempts = [
      attempt('f1', 'feed', [], ['hybrid-fanout', 'cache']),
      attempt('f2', 'feed', [], ['hybrid-fanout']),
      attempt('f3', 'feed', [], ['hybrid-fanout', 'hybrid-fanout']),
      attempt('f4', 'feed', [], []),
      attempt('u1', 'url-shortener', [], ['cache']),
      attempt('free', '', [], undefined),
    ];
    const stats = mostMissedRules(attempts, (a) => a.missed ?? null);
    expect(stats[0]).toEqual({ question: 'feed', rule: 'hybrid-fanout', missed: 3, of: 4 });
    // One miss out of one beats one out of four when the counts tie.
    expect(stats.slice(1).map((s) => [s.question, s.rule, s.missed, s.of])).toEqual([
      ['url-shortener', 'cache', 1, 1],
      ['feed', 'cache', 1, 4],
    ]);
  });

  it('finds the weakest step by average score, ignoring unscored steps and drills of other steps', () => {
    const attempts = [
      attempt('a1', 'feed', [80, 40, 60, null, 90]),
      attempt('a2', 'feed', [100, 60, 20, null, 90]),
      attempt('d3', 'feed', [0, 0, 100, 0, 0], [], { kind: 'drill', focus: 'high_level' }),
    ];
    expect(averageStepScores(attempts)).toEqual({ understand: 90, scope: 50, high_level: 60, deep_dive: null, bottlenecks: 90 });
    expect(weakestStep(attempts)).toBe('scope');
    expect(weakestStep([])).toBeNull();
  });

  it('averages time per step against the plan over full mocks', () => {
    const times = stepTimes([
      attempt('a1', 'feed', []),
      attempt('a2', 'feed', []),
      attempt('d', 'feed', [], [], { kind: 'drill' }),
    ]);
    expect(times.map((t) => [t.step, t.plannedSec, t.spentSec])).toEqual([
      ['understand', 300, 200],
      ['scope', 300, 300],
      ['high_level', 300, 400],
      ['deep_dive', 300, 500],
      ['bottlenecks', 300, 600],
    ]);
  });

  it('plans a drill as the one step at its usual length', () => {
    expect(drillDurations('deep_dive')).toEqual([0, 0, 0, 15 * 60, 0]);
  });
});
