import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBoard } from '../../../shared/board/codec';
import { emptyBoard } from '../../../shared/board/types';
import { scoreBoard } from '../../../shared/rules';
import { clientToDatabaseBoard, loadSample, weakBoard } from '../../fixtures/boards/builders';
import { loadBuiltin, QUESTIONS } from './builtins';

const CALIBRATION = new URL('../../fixtures/calibration/', import.meta.url);
/** The calibration boards of a question: candidates' boards, so every rule meets real passing and failing cases. */
const calibrationBoards = (question: string) =>
  Object.fromEntries(
    readdirSync(CALIBRATION)
      .filter((f) => f.startsWith(`${question}.`))
      .map((f) => {
        const d = decodeBoard(readFileSync(new URL(f, CALIBRATION), 'utf8'));
        if (!d.ok) throw new Error(d.error);
        return [`calibration:${f}`, d.board] as const;
      }),
  );

describe.each(QUESTIONS)('scoring %s', (question) => {
  const rubric = loadBuiltin(question);
  const boards = {
    empty: emptyBoard(question),
    weak: weakBoard(question),
    textbook: loadSample(`${question}.textbook`),
    strong: loadSample(`${question}.strong`),
    antiPattern: clientToDatabaseBoard(question),
    ...calibrationBoards(question),
  };
  const scores = Object.fromEntries(Object.entries(boards).map(([name, b]) => [name, scoreBoard(b, rubric)])) as Record<
    'empty' | 'weak' | 'textbook' | 'strong' | 'antiPattern',
    ReturnType<typeof scoreBoard>
  > &
    Record<string, ReturnType<typeof scoreBoard>>;

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

  it('names the fatal flaw when a client talks to the database, pointing at the edge, and caps the band', () => {
    const rule = scores.antiPattern.rules.find((r) => r.id === 'no-client-to-datastore')!;
    expect(rule.status).toBe('failed');
    expect(rule.evidence.edgeIds.length).toBe(1);
    expect(scores.antiPattern.fatalFlaws.map((f) => f.ruleId)).toContain('no-client-to-datastore');
    expect(scores.textbook.rules.find((r) => r.id === 'no-client-to-datastore')!.status).toBe('passed');
  });

  it('fails the replication rule for the weak board’s single database', () => {
    const rule = scores.weak.rules.find((r) => r.id === 'database-replicated')!;
    expect(rule).toMatchObject({ status: 'failed', evidence: { nodeIds: ['db'] } });
  });

  // Table-driven: every rule has a fixture board where it passes and one where it fails.
  it.each(rubric.rules.map((r) => [r.id] as const))('rule %s passes on some board and fails on another', (id) => {
    const outcomes = Object.entries(scores)
      .map(([name, s]) => [name, s.rules.find((r) => r.id === id)!.status] as const)
      .filter(([, status]) => status === 'passed' || status === 'failed')
      .map(([name, status]) => [name, status === 'passed'] as const);
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
    // A flaw rule passes because something is absent: there is nothing to point at.
    for (const r of scores.strong.rules.filter((x) => x.passed && x.severity === undefined))
      expect(r.evidence.nodeIds.length + r.evidence.edgeIds.length + r.evidence.notes.length, r.id).toBeGreaterThan(0);
  });
});
