import { describe, expect, it } from 'vitest';
import {
  describeProgress,
  matchesFilter,
  NO_FILTER,
  OTHER_CATEGORY,
  pickRandom,
  progressOf,
  shelve,
} from '../../../renderer/src/score/questionList';
import type { AttemptRecord, History } from '../../../shared/interview/history';
import type { Rubric } from '../../../shared/rubric/schema';

const rubric = (id: string, over: Partial<Rubric> = {}): Rubric => ({
  id,
  title: id.replace(/-/g, ' '),
  summary: `about ${id}`,
  prompt: 'Design it. Scale: big.',
  estimates: [],
  followUps: [],
  rules: [],
  ...over,
});

const attempt = (question: string, percent: number | null, endedAt: number): AttemptRecord => ({
  id: `${question}-${endedAt}`,
  question,
  title: question,
  startedAt: endedAt - 1000,
  endedAt,
  durationSec: 1,
  percent,
  band: null,
  perStep: [],
  boardFile: '{}',
});

const bank = [
  rubric('payments', { category: 'Transactions', difficulty: 'hard', summary: 'Charge exactly once' }),
  rubric('ticket-booking', { category: 'Transactions', difficulty: 'medium' }),
  rubric('rate-limiter', { category: 'Infrastructure', difficulty: 'easy' }),
  rubric('key-value-store', { category: 'Infrastructure', difficulty: 'hard' }),
  rubric('mine'),
];

describe('question picker logic', () => {
  it('shelves by category alphabetically, uncategorised last, easiest first within a shelf', () => {
    expect(shelve(bank).map((s) => [s.category, s.rubrics.map((r) => r.id)])).toEqual([
      ['Infrastructure', ['rate-limiter', 'key-value-store']],
      ['Transactions', ['ticket-booking', 'payments']],
      [OTHER_CATEGORY, ['mine']],
    ]);
  });

  it('searches every word in title, summary, category and id, ignoring case and accents', () => {
    const ids = (text: string) => bank.filter((r) => matchesFilter(r, { text, difficulty: null })).map((r) => r.id);
    expect(ids('transact')).toEqual(['payments', 'ticket-booking']);
    expect(ids('EXACTLY charge')).toEqual(['payments']);
    expect(ids('  key   store ')).toEqual(['key-value-store']);
    expect(ids('Infrastructuré')).toEqual(['rate-limiter', 'key-value-store']);
    expect(ids('nothing like this')).toEqual([]);
  });

  it('filters by difficulty, combined with the search', () => {
    expect(shelve(bank, { text: '', difficulty: 'hard' }).flatMap((s) => s.rubrics.map((r) => r.id))).toEqual([
      'key-value-store',
      'payments',
    ]);
    expect(shelve(bank, { text: 'pay', difficulty: 'easy' })).toEqual([]);
  });

  it('counts attempts and keeps the best scored one', () => {
    const history: History = {
      attempts: [attempt('payments', 55, 3), attempt('payments', null, 2), attempt('payments', 81, 1), attempt('chat', 99, 4)],
    };
    expect(progressOf(history, 'payments')).toEqual({ attempts: 3, best: 81 });
    expect(describeProgress(progressOf(history, 'payments'))).toBe('3 attempts · best 81%');
    expect(describeProgress({ attempts: 1, best: null })).toBe('1 attempt');
    expect(describeProgress(progressOf(history, 'rate-limiter'))).toBe('Not tried yet');
  });

  it('picks a random question among those shown, preferring ones never tried', () => {
    const history: History = { attempts: [attempt('payments', 50, 1), attempt('rate-limiter', 70, 2)] };
    const shown = bank.slice(0, 3);
    expect(pickRandom(shown, history, () => 0)?.id).toBe('ticket-booking');
    expect(pickRandom(shown, history, () => 0.999)?.id).toBe('ticket-booking');
    const all = { attempts: bank.map((r, i) => attempt(r.id, 10, i)) };
    expect(new Set([0, 0.3, 0.5, 0.99].map((x) => pickRandom(bank, all, () => x)?.id)).size).toBe(4);
    expect(pickRandom([], history)).toBeNull();
    expect(shelve([], NO_FILTER)).toEqual([]);
  });
});
