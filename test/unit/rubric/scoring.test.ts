import { describe, expect, it } from 'vitest';
import { emptyBoard } from '../../../shared/board/types';
import { scoreBoard } from '../../../shared/rules';
import { clientToDatabaseBoard, loadSample, weakBoard } from '../../fixtures/boards/builders';
import { loadBuiltin, QUESTIONS } from './builtins';

describe.each(QUESTIONS)('scoring %s', (question) => {
  const rubric = loadBuiltin(question);
  const boards = {
    empty: emptyBoard(question),
    weak: weakBoard(question),
    textbook: loadSample(`${question}.textbook`),
    strong: loadSample(`${question}.strong`),
    antiPattern: clientToDatabaseBoard(question),
  };
  const scores = Object.fromEntries(Object.entries(boards).map(([name, b]) => [name, scoreBoard(b, rubric)])) as Record<
    keyof typeof boards,
    ReturnType<typeof scoreBoard>
  >;

  it('orders strong > textbook > weak > empty', () => {
    const { strong, textbook, weak, empty } = scores;
    expect(strong.percent).toBeGreaterThan(textbook.percent);
    expect(textbook.percent).toBeGreaterThan(weak.percent);
    expect(weak.percent).toBeGreaterThan(empty.percent);
  });

  it('puts the textbook diagram in the middle band and only the full answer in the top band', () => {
    expect(scores.textbook.band).toBe('acceptable');
    expect(scores.strong.band).toBe('strong');
    expect(scores.weak.band).toBe('weak');
  });

  it('fails the anti-pattern rule when a client talks to the database, pointing at the edge', () => {
    const rule = scores.antiPattern.rules.find((r) => r.id === 'no-client-to-database')!;
    expect(rule.passed).toBe(false);
    expect(rule.evidence.edgeIds.length).toBe(1);
    expect(scores.textbook.rules.find((r) => r.id === 'no-client-to-database')!.passed).toBe(true);
  });

  it('fails the replication rule for the weak board’s single database', () => {
    const rule = scores.weak.rules.find((r) => r.id === 'database-replicated')!;
    expect(rule).toMatchObject({ passed: false, evidence: { nodeIds: ['db'] } });
  });

  // Table-driven: every rule has a fixture board where it passes and one where it fails.
  it.each(rubric.rules.map((r) => [r.id] as const))('rule %s passes on some board and fails on another', (id) => {
    const outcomes = Object.entries(scores).map(([name, s]) => [name, s.rules.find((r) => r.id === id)!.passed] as const);
    expect(
      outcomes.filter(([, passed]) => passed).map(([name]) => name),
      'boards where it passes',
    ).not.toEqual([]);
    expect(
      outcomes.filter(([, passed]) => !passed).map(([name]) => name),
      'boards where it fails',
    ).not.toEqual([]);
  });

  it('a passed rule carries evidence the UI can select or quote', () => {
    for (const r of scores.strong.rules.filter((x) => x.passed))
      expect(r.evidence.nodeIds.length + r.evidence.edgeIds.length + r.evidence.notes.length, r.id).toBeGreaterThan(0);
  });
});
