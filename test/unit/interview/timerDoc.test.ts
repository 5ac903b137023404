import { addNodes, boardRoots, createLocalOrigin, setNotes } from '@shared/board/doc';
import type { Board } from '@shared/board/types';
import { DEFAULT_DURATIONS } from '@shared/interview/durations';
import { latestPerStep, readSnapshots } from '@shared/interview/snapshots';
import { IDLE_TIMER, type TimerAction } from '@shared/interview/timer';
import { applyTimer, readTimer, TIMER_KEY, writeTimer } from '@shared/interview/timerDoc';
import { timerView } from '@shared/interview/timerView';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MIN = 60_000;
const me = createLocalOrigin('me');
const start: TimerAction = { type: 'start', durations: DEFAULT_DURATIONS, attemptId: 'a1' };

/** Two peers joined by a connector that delivers updates only when asked, so edits can be concurrent. */
const pair = () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
};

describe('timer in the doc', () => {
  it('an empty doc reads as idle', () => {
    expect(readTimer(new Y.Doc())).toEqual(IDLE_TIMER);
  });

  it('round-trips through the session map as a plain object', () => {
    const doc = new Y.Doc();
    const s = applyTimer(doc, start, T0, me);
    expect(boardRoots(doc).session.get(TIMER_KEY)).toMatchObject({ v: 1, status: 'running' });
    expect(readTimer(doc)).toEqual(s);
  });

  it('reads a paused timer written by an earlier version, which also stored pausedAt', () => {
    const doc = new Y.Doc();
    applyTimer(doc, start, T0, me);
    const paused = applyTimer(doc, { type: 'pause' }, T0 + MIN, me);
    boardRoots(doc).session.set(TIMER_KEY, { v: 1, ...paused, pausedAt: T0 + MIN });
    expect(readTimer(doc)).toEqual(paused);
    expect(applyTimer(doc, { type: 'resume' }, T0 + 2 * MIN, me).status).toBe('running');
  });

  it.each([
    ['a string', 'running'],
    ['a wrong status', { v: 1, ...IDLE_TIMER, status: 'sprinting' }],
    ['a step out of range', { v: 1, ...IDLE_TIMER, stepIndex: 9 }],
    ['four durations', { v: 1, ...IDLE_TIMER, durations: [1, 2, 3, 4] }],
    ['running without a start time', { v: 1, ...IDLE_TIMER, status: 'running' }],
    ['a future version', { ...IDLE_TIMER, v: 2 }],
    ['negative spent time', { v: 1, ...IDLE_TIMER, spent: [-1, 0, 0, 0, 0] }],
  ])('garbage from a peer (%s) reads as idle instead of throwing', (_name, value) => {
    const doc = new Y.Doc();
    boardRoots(doc).session.set(TIMER_KEY, value);
    expect(readTimer(doc)).toEqual(IDLE_TIMER);
    // …and the next action starts over from idle rather than failing.
    expect(applyTimer(doc, { type: 'pause' }, T0, me)).toBe(IDLE_TIMER);
    expect(applyTimer(doc, start, T0, me).status).toBe('running');
  });

  it('an action that does not apply writes nothing', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    applyTimer(doc, { type: 'pause' }, T0, me);
    expect(updates).toBe(0);
  });

  it('writes carry the caller’s origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    writeTimer(doc, IDLE_TIMER, me);
    applyTimer(doc, start, T0, me);
    expect(origins).toEqual([me, me]);
  });

  it('two peers see the same step and remaining time', () => {
    const { a, b, sync } = pair();
    applyTimer(a, start, T0, me);
    sync();
    applyTimer(b, { type: 'next' }, T0 + 3 * MIN, createLocalOrigin('partner'));
    sync();
    const va = timerView(readTimer(a), T0 + 4 * MIN);
    const vb = timerView(readTimer(b), T0 + 4 * MIN);
    expect(va.current.id).toBe('scope');
    expect(vb).toEqual(va);
    expect(va.remainingSec).toBe(4 * 60);
  });

  it('concurrent pauses converge on one whole state (last writer wins on the object)', () => {
    const { a, b, sync } = pair();
    applyTimer(a, start, T0, me);
    sync();
    applyTimer(a, { type: 'pause' }, T0 + 2 * MIN, me);
    applyTimer(b, { type: 'pause' }, T0 + 3 * MIN, createLocalOrigin('partner'));
    sync();
    const sa = readTimer(a);
    expect(sa).toEqual(readTimer(b));
    expect(sa.status).toBe('paused');
    expect([120, 180]).toContain(sa.spent[0]);
  });

  it('concurrent pause and next converge too', () => {
    const { a, b, sync } = pair();
    applyTimer(a, start, T0, me);
    sync();
    applyTimer(a, { type: 'pause' }, T0 + MIN, me);
    applyTimer(b, { type: 'next' }, T0 + MIN, createLocalOrigin('partner'));
    sync();
    expect(readTimer(a)).toEqual(readTimer(b));
  });
});

describe('step snapshots', () => {
  const drawSomething = (doc: Y.Doc, id: string) =>
    addNodes(doc, [{ id, kind: 'service', label: id, position: { x: 0, y: 0 } }], me);

  it('leaving a step keeps the board as it was, with the caller’s score', () => {
    const doc = new Y.Doc();
    const score = (b: Board) => b.nodes.length * 10;
    applyTimer(doc, start, T0, me);
    setNotes(doc, 'understand', 'shorten URLs', me);
    applyTimer(doc, { type: 'next' }, T0 + MIN, me, { score });
    drawSomething(doc, 'api');
    applyTimer(doc, { type: 'next' }, T0 + 2 * MIN, me, { score });
    drawSomething(doc, 'db');
    applyTimer(doc, { type: 'end' }, T0 + 3 * MIN, me, { score });
    const snaps = readSnapshots(doc, 'a1');
    expect(snaps.map((s) => [s.stepId, s.board.nodes.length, s.score])).toEqual([
      ['understand', 0, 0],
      ['scope', 1, 10],
      ['high_level', 2, 20],
    ]);
    expect(snaps[0]!.board.notes.understand).toBe('shorten URLs');
    expect(snaps[0]!.at).toBe(T0 + MIN);
  });

  it('without a scorer the snapshot has no score; a new start clears the old attempt’s', () => {
    const doc = new Y.Doc();
    applyTimer(doc, start, T0, me);
    applyTimer(doc, { type: 'next' }, T0 + MIN, me);
    expect(readSnapshots(doc)[0]).not.toHaveProperty('score');
    applyTimer(doc, { ...start, attemptId: 'a2' } as TimerAction, T0 + 2 * MIN, me);
    expect(readSnapshots(doc)).toEqual([]);
  });

  it('latestPerStep keeps the last visit of each step, in step order', () => {
    const doc = new Y.Doc();
    applyTimer(doc, start, T0, me);
    applyTimer(doc, { type: 'next' }, T0 + MIN, me);
    drawSomething(doc, 'x');
    applyTimer(doc, { type: 'back' }, T0 + 2 * MIN, me);
    drawSomething(doc, 'y');
    applyTimer(doc, { type: 'next' }, T0 + 3 * MIN, me);
    const latest = latestPerStep(readSnapshots(doc));
    expect(latest.map((s) => [s.stepId, s.board.nodes.length])).toEqual([
      ['understand', 2],
      ['scope', 1],
    ]);
  });

  it('snapshots sync to a partner; malformed entries are skipped', () => {
    const { a, b, sync } = pair();
    applyTimer(a, start, T0, me);
    sync();
    applyTimer(b, { type: 'next' }, T0 + MIN, createLocalOrigin('partner'));
    (boardRoots(b).session.get('snapshots') as Y.Array<unknown>).push([{ stepId: 'nope' }, 42]);
    sync();
    expect(readSnapshots(a).map((s) => s.stepId)).toEqual(['understand']);
  });
});
