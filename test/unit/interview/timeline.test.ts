import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes, readBoard } from '../../../shared/board/doc';
import type { Board } from '../../../shared/board/types';
import { createReplay } from '../../../shared/interview/replay';
import { parseTimeline, recordTimeline, timelineSize, timelineToJson } from '../../../shared/interview/timeline';
import { lcg, simulateMock } from '../../fixtures/timeline/simulateMock';

const origin = { kind: 'local', user: 'test' } as const;

/** Records a simulated mock and keeps the board after every edit, with its time. */
const recorded = (seed: number, windowMs: number, size = { components: 40, noteChars: 300, moves: 60 }) => {
  const sim = simulateMock({ seed, durationMs: 10 * 60_000, ...size });
  const rec = recordTimeline(sim.doc, { attemptId: `attempt-${seed}`, now: () => sim.clock.now, windowMs });
  const history: { at: number; board: Board }[] = [];
  sim.run((at, board) => history.push({ at, board }));
  rec.stop();
  return { sim, timeline: rec.timeline(), history };
};

/** The board that existed at `t`: the last one recorded at or before it. */
const boardAt = (history: readonly { at: number; board: Board }[], t: number) => history.filter((h) => h.at <= t).at(-1)?.board;

describe('timeline recording and replay', () => {
  it('rebuilds exactly the board that existed at any moment, for random edit sequences, seeking back and forth', () => {
    for (const seed of [1, 2, 3]) {
      const { timeline, history } = recorded(seed, 0);
      const replay = createReplay(timeline);
      const rand = lcg(seed + 100);
      for (let i = 0; i < 60; i++) {
        const t = replay.start + rand() * (replay.end - replay.start);
        expect(replay.frameAt(replay.countAt(t)).board).toEqual(boardAt(history, t));
      }
      // The end of the replay is the board as it ended; the start is the empty board before the first edit.
      expect(replay.frameAt(replay.length).board).toEqual(history.at(-1)!.board);
      expect(replay.frameAt(0).board.nodes).toHaveLength(0);
    }
  });

  it('with updates merged over a window, the board at t is the board of a moment at most one window earlier', () => {
    const windowMs = 1000;
    const { timeline, history } = recorded(7, windowMs);
    expect(timeline.entries.length).toBeLessThan(history.length / 2);
    const replay = createReplay(timeline);
    const rand = lcg(9);
    for (let i = 0; i < 60; i++) {
      const t = replay.start + rand() * (replay.end - replay.start);
      const shown = JSON.stringify(replay.frameAt(replay.countAt(t)).board);
      const candidates = history.filter((h) => h.at <= t && h.at >= t - windowMs).map((h) => JSON.stringify(h.board));
      const before = boardAt(history, t - windowMs);
      if (before) candidates.push(JSON.stringify(before));
      expect(candidates).toContain(shown);
    }
    expect(replay.frameAt(replay.length).board).toEqual(history.at(-1)!.board);
  });

  it('records each step change as an entry of its own, so a step boundary is exact even with merged updates', () => {
    const { timeline } = recorded(8, 1000);
    const replay = createReplay(timeline);
    const boundaries = replay.stepBoundaries();
    expect(boundaries.map((b) => b.step)).toEqual(['understand', 'scope', 'high_level', 'deep_dive', 'bottlenecks']);
    boundaries.forEach((b, i) => {
      const at = replay.frameAt(replay.countAt(b.at)).timer;
      const before = replay.frameAt(replay.countAt(b.at - 1)).timer;
      expect(before.stepIndex).toBe(i);
      expect(before.status).toBe('running');
      // At the boundary the next step has begun (or, after the last, the interview has ended).
      if (i < 4) expect(at.stepIndex).toBe(i + 1);
      else expect(at.status).toBe('ended');
    });
  });

  it('replays into docs of its own: the live doc is never written', () => {
    const { sim, timeline } = recorded(4, 0);
    const before = Y.encodeStateAsUpdate(sim.doc);
    const replay = createReplay(timeline);
    for (let i = 0; i <= replay.length; i += 7) replay.frameAt(i);
    expect(replay.docAt(3)).not.toBe(sim.doc);
    expect(Y.encodeStateAsUpdate(sim.doc)).toEqual(before);
  });

  it('resuming after a reload adds what reached the doc meanwhile, so the replay still ends at the board as it is', () => {
    const doc = new Y.Doc();
    const clock = { now: 1000 };
    const first = recordTimeline(doc, { attemptId: 'a', now: () => clock.now, windowMs: 0 });
    addNodes(doc, [{ id: 'lb', kind: 'load_balancer', position: { x: 0, y: 0 } }], origin);
    first.stop();
    const saved = parseTimeline(JSON.parse(JSON.stringify(timelineToJson(first.timeline()))));
    if (!saved.ok) throw new Error(saved.error);
    clock.now = 5000;
    addNodes(doc, [{ id: 'cache', kind: 'cache', position: { x: 1, y: 1 } }], origin); // while nobody recorded
    const second = recordTimeline(doc, { attemptId: 'a', now: () => clock.now, windowMs: 0, resume: saved.timeline });
    clock.now = 6000;
    addNodes(doc, [{ id: 'db', kind: 'sql_db', position: { x: 2, y: 2 } }], origin);
    second.stop();
    const replay = createReplay(second.timeline());
    expect(replay.frameAt(replay.length).board).toEqual(readBoard(doc));
    expect(replay.frameAt(replay.countAt(4999)).board.nodes.map((n) => n.id)).toEqual(['lb']);
    expect(replay.frameAt(replay.countAt(5500)).board.nodes.map((n) => n.id)).toEqual(['cache', 'lb']);
  });

  it('knows who created each component, by client id, for pair sessions', () => {
    const ada = new Y.Doc();
    const bob = new Y.Doc();
    ada.on('update', (u: Uint8Array) => Y.applyUpdate(bob, u));
    bob.on('update', (u: Uint8Array) => Y.applyUpdate(ada, u));
    const clock = { now: 0 };
    const rec = recordTimeline(ada, { attemptId: 'p', now: () => clock.now, windowMs: 0 });
    rec.setParticipant(bob.clientID, { name: 'Bob', colour: '#3e63dd' });
    addNodes(ada, [{ id: 'mine', kind: 'service', position: { x: 0, y: 0 } }], origin);
    clock.now = 10;
    addNodes(bob, [{ id: 'his', kind: 'cache', position: { x: 0, y: 0 } }], origin);
    rec.stop();
    const t = rec.timeline();
    const frame = createReplay(t).frameAt(t.entries.length);
    expect(frame.authors.mine).toBe(ada.clientID);
    expect(frame.authors.his).toBe(bob.clientID);
    expect(t.participants[String(bob.clientID)]?.name).toBe('Bob');
  });

  it('survives a JSON round trip and rejects damaged data with a reason', () => {
    const { timeline } = recorded(5, 1000);
    const back = parseTimeline(JSON.parse(JSON.stringify(timelineToJson(timeline))));
    expect(back.ok && back.timeline).toEqual(timeline);
    const json = timelineToJson(timeline);
    const bad = parseTimeline({ ...json, entries: [[0, '*not base64*']] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/entries\.0\.1/);
    expect(parseTimeline({ ...json, version: 2 }).ok).toBe(false);
  });

  it('keeps a 60-minute, 200-component mock under 1 MB', () => {
    const sim = simulateMock({ seed: 11, durationMs: 60 * 60_000, components: 200, noteChars: 6000, moves: 600 });
    const rec = recordTimeline(sim.doc, { attemptId: 'big', now: () => sim.clock.now });
    sim.run();
    rec.stop();
    const size = timelineSize(rec.timeline());
    expect(size).toBeLessThan(1024 * 1024);
    // And it really holds the interview: the replay's end is the final board.
    expect(createReplay(rec.timeline()).frameAt(rec.timeline().entries.length).board).toEqual(readBoard(sim.doc));
  });
});
