import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNodes } from '../../../shared/board/doc';
import { encodeAttemptsFile, parseAttemptsFile } from '../../../shared/interview/attemptFile';
import type { AttemptRecord } from '../../../shared/interview/history';
import { createReplay } from '../../../shared/interview/replay';
import { recordTimeline } from '../../../shared/interview/timeline';
import {
  embeddedReplay,
  MAX_REPLAY_DATA_URL,
  type ReportInput,
  replayBeside,
  reportHtml,
  reportMarkdown,
} from '../../../shared/report';

const board: ReportInput['board'] = {
  question: 'chat',
  nodes: [{ id: 'ws', kind: 'websocket_server', position: { x: 0, y: 0 } }],
  edges: [],
  notes: { understand: 'Délivré → ✓ once' },
};

const record: AttemptRecord = {
  id: 'attempt-1',
  question: 'chat',
  title: 'Chat — “group” messages',
  startedAt: 1000,
  endedAt: 61_000,
  durationSec: 60,
  percent: 40,
  band: 'weak',
  perStep: [{ step: 'understand', plannedSec: 300, spentSec: 60, score: 50 }],
  boardFile: '{"format":"archdrill.board","version":1,"nodes":[],"edges":[]}',
  replay: true,
};

/** A two-moment replay: the websocket server at 1 s, the queue at 2 s. */
const timeline = () => {
  const doc = new Y.Doc();
  const clock = { now: 1000 };
  const rec = recordTimeline(doc, { attemptId: record.id, now: () => clock.now, windowMs: 0 });
  addNodes(doc, [{ id: 'ws', kind: 'websocket_server', label: 'Sockets “é”', position: { x: 0, y: 0 } }], 'me');
  clock.now = 2000;
  addNodes(doc, [{ id: 'q', kind: 'message_queue', position: { x: 200, y: 0 } }], 'me');
  rec.stop();
  return rec.timeline();
};

const fileText = encodeAttemptsFile([{ record, timeline: timeline() }], 5);
const NAME = 'chat-replay.archdrill-attempts.json';

/** The link's href and download name, as a browser would read them off the page. */
const linkOf = (html: string) => {
  const a = html.match(/<a href="([^"]*)" download="([^"]*)"[^>]*>([^<]*)<\/a>/);
  return a ? { href: a[1]!.replace(/&amp;/g, '&'), download: a[2]!, text: a[3]! } : null;
};

describe('the report links the replay of the attempt it reports on', () => {
  it('carries the attempt file in the HTML report: the link saves a file that imports back with its replay', async () => {
    const html = reportHtml({ board }, null, embeddedReplay(NAME, fileText));
    const link = linkOf(html);
    expect(link).not.toBeNull();
    expect(link!.text).toBe("Open this interview's replay in Archdrill");
    expect(link!.download).toBe(NAME);
    // What a browser saves from the link (fetch decodes data URLs as browsers do) is the attempts file, byte for byte.
    const saved = await (await fetch(link!.href)).text();
    expect(saved).toBe(fileText);
    const back = parseAttemptsFile(saved);
    if (!back.ok) throw new Error(back.error);
    expect(back.attempts[0]!.record).toEqual(record);
    const replay = createReplay(back.attempts[0]!.timeline!);
    const idsAt = (t: number) => replay.frameAt(replay.countAt(t)).board.nodes.map((n) => n.id);
    expect(idsAt(1500)).toEqual(['ws']);
    expect(idsAt(2000).sort()).toEqual(['q', 'ws']);
    // It comes first, before the brief, says how big it is and how to open it; printing leaves it out.
    expect(html.indexOf('id="replay"')).toBeLessThan(html.indexOf('id="brief"'));
    expect(html).toMatch(/\(chat-replay\.archdrill-attempts\.json, \d+ (bytes|KB)\)/);
    expect(html).toContain('History › Import attempts');
    expect(html).toMatch(/@media print\{.*\.replay\{display:none\}/);
  });

  it('has no replay section for a board that was not a recorded attempt', () => {
    const html = reportHtml({ board }, null);
    expect(html).not.toContain('id="replay"');
    expect(linkOf(html)).toBeNull();
    expect(reportMarkdown({ board }, null)).not.toContain('replay');
  });

  it('says how to send a replay too large for a link instead of embedding one that would not open', () => {
    const big = 'x'.repeat(Math.ceil((MAX_REPLAY_DATA_URL * 3) / 4) + 10);
    const r = embeddedReplay(NAME, big);
    expect(r.href).toBeUndefined();
    const html = reportHtml({ board }, null, r);
    expect(linkOf(html)).toBeNull();
    expect(html).toContain('is too large to carry in the report: send its attempt file (History › Export) with it.');
    expect(html.length).toBeLessThan(20_000);
    // Just under the limit it is still a link.
    expect(embeddedReplay(NAME, 'x'.repeat(Math.floor((MAX_REPLAY_DATA_URL - 40) * 0.75) - 10)).href).toBeDefined();
  });

  it('links the attempt file beside the Markdown report', () => {
    const md = reportMarkdown({ board }, null, replayBeside('chat report-replay.archdrill-attempts.json', fileText));
    expect(md).toContain(
      "**[Open this interview's replay in Archdrill](chat%20report-replay.archdrill-attempts.json)** (chat report-replay.archdrill-attempts.json,",
    );
    expect(md.indexOf('replay in Archdrill')).toBeLessThan(md.indexOf('## The question'));
  });
});
