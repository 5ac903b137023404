import { DEFAULT_DURATIONS } from '@shared/interview/durations';
import {
  type AttemptRecord,
  addAttempt,
  attemptRecord,
  attemptsFor,
  EMPTY_HISTORY,
  type History,
  parseHistory,
  removeAttempt,
  serializeHistory,
} from '@shared/interview/history';
import { IDLE_TIMER, reduceTimer } from '@shared/interview/timer';
import type { ScoreResult } from '@shared/rules/types';
import { describe, expect, it } from 'vitest';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MIN = 60_000;

const record = (id: string, endedAt: number, question = 'url-shortener'): AttemptRecord => ({
  id,
  question,
  title: 'URL shortener',
  startedAt: endedAt - 40 * MIN,
  endedAt,
  durationSec: 2400,
  percent: 72,
  band: 'acceptable',
  perStep: [{ step: 'understand', plannedSec: 300, spentSec: 280, score: 100 }],
  boardFile: '{"format":"archdrill.board","version":1,"nodes":[],"edges":[]}',
});

describe('attempt history', () => {
  it('round-trips through its stored text, newest first', () => {
    let h: History = EMPTY_HISTORY;
    h = addAttempt(h, record('old', T0));
    h = addAttempt(h, record('new', T0 + 60 * MIN));
    const parsed = parseHistory(serializeHistory(h));
    expect(parsed.dropped).toBe(0);
    expect(parsed.history.attempts.map((a) => a.id)).toEqual(['new', 'old']);
    expect(parsed.history.attempts[1]).toEqual(record('old', T0));
  });

  it('drops corrupt entries, keeps the rest, and says how many', () => {
    const text = JSON.stringify({
      format: 'archdrill.history',
      version: 1,
      attempts: [record('ok', T0), { id: 'half' }, null, { ...record('bad', T0), percent: 140 }],
    });
    const parsed = parseHistory(text);
    expect(parsed.history.attempts.map((a) => a.id)).toEqual(['ok']);
    expect(parsed.dropped).toBe(3);
    expect(parsed.error).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"format": "archdrill.hist', /not valid JSON/],
    ['another format', '{"format":"archdrill.board","version":1,"attempts":[]}', /expected format/],
    ['a newer version', '{"format":"archdrill.history","version":9,"attempts":[]}', /version 9; update Archdrill/],
  ])('an unreadable store (%s) reads as empty with a one-line reason', (_name, text, message) => {
    const parsed = parseHistory(text);
    expect(parsed.history).toEqual(EMPTY_HISTORY);
    expect(parsed.error).toMatch(message);
  });

  it('nothing stored yet is simply empty', () => {
    expect(parseHistory(null)).toEqual({ history: EMPTY_HISTORY, dropped: 0 });
    expect(parseHistory('')).toEqual({ history: EMPTY_HISTORY, dropped: 0 });
  });

  it('adding the same attempt twice replaces it (both peers may record it)', () => {
    const h = addAttempt(addAttempt(EMPTY_HISTORY, record('a', T0)), { ...record('a', T0), percent: 90 });
    expect(h.attempts).toHaveLength(1);
    expect(h.attempts[0]!.percent).toBe(90);
  });

  it('keeps only the newest attempts beyond the limit', () => {
    let h: History = EMPTY_HISTORY;
    for (let i = 0; i < 5; i++) h = addAttempt(h, record(`a${i}`, T0 + i * MIN), 3);
    expect(h.attempts.map((a) => a.id)).toEqual(['a4', 'a3', 'a2']);
  });

  it('filters by question and removes by id', () => {
    const h = addAttempt(addAttempt(EMPTY_HISTORY, record('u', T0)), record('c', T0 + MIN, 'chat'));
    expect(attemptsFor(h, 'chat').map((a) => a.id)).toEqual(['c']);
    expect(removeAttempt(h, 'u').attempts.map((a) => a.id)).toEqual(['c']);
    expect(removeAttempt(h, 'missing')).toBe(h);
  });

  describe('building a record at the end of an interview', () => {
    const ended = [{ type: 'start', durations: DEFAULT_DURATIONS, attemptId: 'att' }, { type: 'next' }, { type: 'end' }] as const;
    const timer = ended.reduce((s, a, i) => reduceTimer(s, a, T0 + i * 4 * MIN), IDLE_TIMER);
    const score = {
      rubricId: 'url-shortener',
      rules: [],
      steps: [
        { step: 'understand', earned: 1, possible: 2, percent: 50 },
        { step: 'scope', earned: 0, possible: 0, percent: 0 },
      ],
      earned: 1,
      possible: 2,
      percent: 50,
      band: 'weak',
      fatalFlaws: [],
      unconnected: [],
      deadEnds: [],
      estimates: [],
    } as const satisfies ScoreResult;

    it('carries the per-step plan, time spent and scores, and validates', () => {
      const r = attemptRecord({ timer, question: 'url-shortener', title: 'URL shortener', boardFile: '{}', score, now: 0 })!;
      expect(r).toMatchObject({ id: 'att', startedAt: T0, endedAt: T0 + 8 * MIN, durationSec: 480, percent: 50, band: 'weak' });
      expect(r.perStep.map((s) => [s.step, s.plannedSec, s.spentSec, s.score])).toEqual([
        ['understand', 300, 240, 50],
        ['scope', 300, 240, null],
        ['high_level', 600, 0, null],
        ['deep_dive', 900, 0, null],
        ['bottlenecks', 300, 0, null],
      ]);
      expect(parseHistory(serializeHistory(addAttempt(EMPTY_HISTORY, r))).dropped).toBe(0);
    });

    it('is null before an interview started; has no score without a rubric', () => {
      expect(attemptRecord({ timer: IDLE_TIMER, question: '', title: '', boardFile: '', score: null, now: T0 })).toBeNull();
      const r = attemptRecord({ timer, question: '', title: 'Free practice', boardFile: '{}', score: null, now: 0 })!;
      expect([r.percent, r.band]).toEqual([null, null]);
    });
  });
});
