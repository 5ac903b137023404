import { boardRoots, createLocalOrigin } from '@shared/board/doc';
import { readFeedback, writeFeedback } from '@shared/session/feedback';
import { DEFAULT_POLICY, readPolicy, scoreVisible, writePolicy } from '@shared/session/policy';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const pair = () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u, 'remote'));
  return { a, b };
};

describe('interviewer feedback', () => {
  it('is written per step, keeps the other entries, and reaches the partner', () => {
    const { a, b } = pair();
    const me = createLocalOrigin('bob');
    writeFeedback(a, 'scope', { rating: 4 }, 'Bob', me);
    writeFeedback(a, 'scope', { comment: 'Good estimates' }, 'Bob', me);
    writeFeedback(a, 'overall', { rating: 3, comment: 'Hire-ish' }, 'Bob', me);
    expect(readFeedback(b)).toEqual({
      author: 'Bob',
      entries: { scope: { rating: 4, comment: 'Good estimates' }, overall: { rating: 3, comment: 'Hire-ish' } },
    });
  });

  it('reads garbage from the network as empty feedback instead of throwing', () => {
    const doc = new Y.Doc();
    boardRoots(doc).session.set('feedback', { entries: { scope: { rating: 99 } } });
    expect(readFeedback(doc)).toEqual({ entries: {} });
  });
});

describe('session policy', () => {
  it('defaults to hiding the score from the candidate until the end', () => {
    const doc = new Y.Doc();
    const p = readPolicy(doc);
    expect(p).toEqual(DEFAULT_POLICY);
    expect(scoreVisible('candidate', p, false)).toBe(false);
    expect(scoreVisible('candidate', p, true)).toBe(true);
    expect(scoreVisible('interviewer', p, false)).toBe(true);
    expect(scoreVisible(undefined, p, false)).toBe(true);
    expect(scoreVisible('spectator', p, false)).toBe(false);
  });

  it('lets the host allow the live score, and syncs that choice', () => {
    const { a, b } = pair();
    writePolicy(a, { candidateSeesScore: true }, createLocalOrigin());
    expect(scoreVisible('candidate', readPolicy(b), false)).toBe(true);
    expect(readPolicy(b).round).toBe(1);
  });
});
