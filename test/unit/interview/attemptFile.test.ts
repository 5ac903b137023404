import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes } from '../../../shared/board/doc';
import { encodeAttemptsFile, parseAttemptsFile } from '../../../shared/interview/attemptFile';
import type { AttemptRecord } from '../../../shared/interview/history';
import { createReplay } from '../../../shared/interview/replay';
import { recordTimeline } from '../../../shared/interview/timeline';

const record = (id: string): AttemptRecord => ({
  id,
  question: 'chat',
  title: 'Chat',
  startedAt: 1000,
  endedAt: 61_000,
  durationSec: 60,
  percent: 70,
  band: 'acceptable',
  perStep: [{ step: 'understand', plannedSec: 300, spentSec: 60, score: 50 }],
  boardFile: '{"format":"archdrill.board","version":1,"nodes":[],"edges":[]}',
  missed: ['presence'],
  replay: true,
});

const timelineOf = (attemptId: string) => {
  const doc = new Y.Doc();
  const clock = { now: 1000 };
  const rec = recordTimeline(doc, { attemptId, now: () => clock.now, windowMs: 0 });
  rec.setParticipant(doc.clientID, { name: 'Ada', colour: '#e5484d', role: 'candidate' });
  addNodes(doc, [{ id: 'ws', kind: 'websocket_server', position: { x: 0, y: 0 } }], 'me');
  clock.now = 2000;
  addNodes(doc, [{ id: 'q', kind: 'message_queue', position: { x: 200, y: 0 } }], 'me');
  rec.stop();
  return rec.timeline();
};

describe('the attempts file (export and import)', () => {
  it('round-trips attempts with and without their replays, and the replay still plays', () => {
    const t = timelineOf('a1');
    const text = encodeAttemptsFile(
      [
        { record: record('a1'), timeline: t },
        { record: record('a2'), timeline: null },
      ],
      5,
    );
    const back = parseAttemptsFile(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.attempts.map((a) => a.record)).toEqual([record('a1'), record('a2')]);
    expect(back.attempts[0]!.timeline).toEqual(t);
    expect(back.attempts[1]!.timeline).toBeNull();
    const replay = createReplay(back.attempts[0]!.timeline!);
    expect(replay.frameAt(replay.countAt(1500)).board.nodes.map((n) => n.id)).toEqual(['ws']);
  });

  it('says clearly what is wrong with a file that is not one, is newer, or is damaged', () => {
    const good = JSON.parse(encodeAttemptsFile([{ record: record('a1'), timeline: timelineOf('a1') }], 5));
    const cases: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['{"format":"archdrill.board","version":1}', /not an Archdrill attempts file/],
      [JSON.stringify({ ...good, version: 3 }), /version 3; update Archdrill/],
      [
        JSON.stringify({ ...good, attempts: [{ ...good.attempts[0], record: { ...good.attempts[0].record, percent: 'high' } }] }),
        /attempts\.0\.record\.percent/,
      ],
      [
        JSON.stringify({ ...good, attempts: [{ ...good.attempts[0], record: { ...good.attempts[0].record, id: 'other' } }] }),
        /another attempt/,
      ],
      [
        JSON.stringify({ ...good, attempts: [{ ...good.attempts[0], record: { ...good.attempts[0].record, id: '../x' } }] }),
        /attempt id/,
      ],
    ];
    for (const [text, error] of cases) {
      const r = parseAttemptsFile(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(error);
    }
  });
});
