import { readFileSync } from 'node:fs';
import { decodeBoard } from '@shared/board/codec';
import type { Board } from '@shared/board/types';
import { STEPS } from '@shared/framework/steps';
import { buildReport, formatDuration, type ReportInput, reportHtml, reportMarkdown } from '@shared/report';
import { scoreBoard } from '@shared/rules/score';
import type { RuleResult, ScoreResult } from '@shared/rules/types';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../rubric/builtins';

const board: Board = {
  question: 'url-shortener',
  nodes: [
    { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
    { id: 'lb', kind: 'load_balancer', label: 'LB', position: { x: 200, y: 0 } },
    { id: 's1', kind: 'service', label: 'API', position: { x: 400, y: 0 } },
    { id: 's2', kind: 'service', label: 'Redirector', position: { x: 400, y: 200 } },
    { id: 't', kind: 'text', label: 'a note on the canvas', position: { x: 0, y: 300 } },
  ],
  edges: [
    { id: 'e1', source: 'c', target: 'lb' },
    { id: 'e2', source: 'lb', target: 's1', protocol: 'http' },
  ],
  notes: {
    understand: 'Shorten URLs; 100M new a month.\nReads are 10× writes.',
    high_level: 'Client → LB → API <script>alert(1)</script> & cache',
  },
};

const rule = (id: string, step: RuleResult['step'], passed: boolean, explanation: string, concept?: string): RuleResult => ({
  id,
  step,
  weight: 2,
  passed,
  status: passed ? 'passed' : 'failed',
  credit: passed ? 1 : 0,
  explanation,
  ...(concept && { concept }),
  evidence: { nodeIds: [], edgeIds: [], notes: [] },
  condition: { op: 'check', type: 'component-exists', passed, evidence: { nodeIds: [], edgeIds: [], notes: [] } },
});

const score: ScoreResult = {
  rubricId: 'url-shortener',
  fatalFlaws: [],
  unconnected: [],
  deadEnds: [],
  estimates: [],
  rules: [
    rule('read-write-ratio', 'understand', true, 'You sized reads against writes.'),
    rule(
      'base62-encoding',
      'deep_dive',
      false,
      'Say how codes are made: base62 of a unique id avoids collisions.',
      'Base62 codes',
    ),
    rule('cache-redirects', 'high_level', false, 'Redirects are read-heavy: put a cache in front of the store.'),
  ],
  steps: [
    { step: 'understand', earned: 2, possible: 2, percent: 100 },
    { step: 'scope', earned: 0, possible: 0, percent: 0 },
    { step: 'high_level', earned: 0, possible: 2, percent: 0 },
    { step: 'deep_dive', earned: 0, possible: 2, percent: 0 },
    { step: 'bottlenecks', earned: 0, possible: 0, percent: 0 },
  ],
  earned: 2,
  possible: 6,
  percent: 33,
  band: 'weak',
};

const input: ReportInput = {
  board,
  question: { id: 'url-shortener', title: 'URL shortener', prompt: 'Design a service like bit.ly.\n100M URLs a month.' },
  score,
  times: { understand: { spent: 330, planned: 300 }, high_level: { spent: 754 } },
  feedback: {
    author: 'Bob',
    entries: {
      deep_dive: { rating: 2, comment: 'Go deeper on the ID scheme.' },
      overall: { rating: 3, comment: 'Good structure.' },
      scope: { rating: null, comment: '' },
    },
  },
  generatedAt: '2025-03-01 10:00',
};

const image = { src: 'data:image/png;base64,iVBORw0KGgo=', width: 800, height: 400 };

describe('buildReport', () => {
  it('lists all five steps in order with their notes, times, scores and rules', () => {
    const m = buildReport(input);
    expect(m.steps.map((s) => s.id)).toEqual(STEPS.map((s) => s.id));
    const deep = m.steps.find((s) => s.id === 'deep_dive')!;
    expect(deep.missed).toEqual([
      { id: 'base62-encoding', name: 'Base62 codes', weight: 2, text: expect.stringContaining('base62') },
    ]);
    expect(m.steps.find((s) => s.id === 'high_level')!.missed[0]!.name).toBe('Cache redirects');
    expect(m.steps.find((s) => s.id === 'scope')!.score).toBeUndefined();
    expect(m.components).toEqual([
      { kind: 'service', label: 'Service', count: 2 },
      { kind: 'client', label: 'Client', count: 1 },
      { kind: 'load_balancer', label: 'Load balancer', count: 1 },
    ]);
    expect(m.overall).toEqual({ earned: 2, possible: 6, percent: 33, band: 'weak' });
  });

  it('lists a not-applicable rule neither as missed nor as earned, and a partly met one as missed', () => {
    const na: RuleResult = { ...rule('no-client-db', 'deep_dive', false, 'Not applicable: …'), status: 'not-applicable' };
    const partly: RuleResult = { ...rule('cache-ttl', 'deep_dive', false, 'Say how long entries live.'), status: 'partial' };
    const m = buildReport({ ...input, score: { ...score, rules: [...score.rules, na, partly] } });
    const deep = m.steps.find((s) => s.id === 'deep_dive')!;
    expect(deep.missed.map((r) => r.id)).toEqual(['base62-encoding', 'cache-ttl']);
    expect(deep.passed.map((r) => r.id)).toEqual([]);
  });

  it('formats durations as clock times', () => {
    expect([formatDuration(0), formatDuration(754), formatDuration(3725)]).toEqual(['0:00', '12:34', '1:02:05']);
  });
});

describe('reportHtml', () => {
  const html = reportHtml(input, image);

  it('is one self-contained document with every section', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const id of ['brief', 'design', 'scorecard', 'steps', 'feedback']) expect(html).toContain(`<section id="${id}">`);
    for (const s of STEPS) expect(html).toContain(`<h3>${s.title.replace('&', '&amp;')}</h3>`);
    expect(html).toContain('<h1>URL shortener</h1>');
    expect(html).toContain('Design a service like bit.ly.\n100M URLs a month.');
    expect(html).toContain(`<img src="${image.src}"`);
    expect(html).toContain('Overall: 2 / 6 (33%)');
    expect(html).toContain('<strong>Base62 codes</strong> (2 pt) — Say how codes are made');
    expect(html).toContain('Time: 5:30 of 5:00');
    expect(html).toContain('<tr><td>Deep dive</td><td>2/5 Weak</td><td class="notes">Go deeper on the ID scheme.</td></tr>');
    expect(html).toContain('<tr><td>Overall</td><td>3/5 Acceptable</td>');
    expect(html).toContain('From Bob');
    // An empty entry is not a row.
    expect(html.slice(html.indexOf('<section id="feedback">'))).not.toContain('<td>Define scope');
    expect(html).not.toMatch(/<(script|link)\b|src="http/);
  });

  it('escapes what the candidate typed', () => {
    expect(html).toContain('API &lt;script&gt;alert(1)&lt;/script&gt; &amp; cache');
  });

  it('says plainly what is missing: no score, no notes, no feedback', () => {
    const bare = reportHtml({ board: { nodes: [], edges: [], notes: {} } }, null);
    expect(bare).toContain('<h1>Free design</h1>');
    expect(bare).toContain('Not scored');
    expect(bare).toContain('No notes for this step.');
    expect(bare).toContain('No feedback recorded.');
    expect(bare).not.toContain('<img');
  });
});

describe('reportMarkdown', () => {
  const md = reportMarkdown(input, { src: 'url shortener-report.png' });

  it('has the same sections, with the picture as a file beside it', () => {
    for (const h of [
      '# URL shortener',
      '## The question',
      '## The design',
      '## Scorecard',
      '## Step by step',
      '## Interviewer feedback',
    ])
      expect(md).toContain(`\n${h}\n`.trimStart());
    for (const s of STEPS) expect(md).toContain(`### ${s.title}`);
    expect(md).toContain('![Architecture diagram: URL shortener](url%20shortener-report.png)');
    expect(md).toContain('| Understand the problem | 100% | 5:30 of 5:00 | 0 |');
    expect(md).toContain('- **Base62 codes** (2 pt) — Say how codes are made');
    expect(md).toContain('> Shorten URLs; 100M new a month.\n> Reads are 10× writes.');
    expect(md).toContain('| Deep dive | 2/5 Weak | Go deeper on the ID scheme. |');
    expect(md).toContain('Service × 2');
  });

  it('keeps table cells and headings from being broken by the text they quote', () => {
    const odd = reportMarkdown({ ...input, question: { title: 'A | B # [x]' } }, null);
    expect(odd).toContain('# A \\| B \\# \\[x\\]');
  });
});

describe('what to fix first', () => {
  // A plausible design with a client wired to its cache, a queue nothing reads, a box left apart and a write rate 1,000× off.
  const flawed = (): ReportInput => {
    const b = decodeBoard(
      readFileSync(
        new URL('../../fixtures/calibration/url-shortener.flaw-client-to-cache.archdrill.json', import.meta.url),
        'utf8',
      ),
    );
    if (!b.ok) throw new Error('fixture');
    const app = b.board.nodes.find((n) => n.kind === 'service')!;
    const withExtras: Board = {
      ...b.board,
      nodes: [
        ...b.board.nodes,
        { id: 'clicks', kind: 'message_queue', label: 'Click events', position: { x: 0, y: 900 } },
        { id: 'spare', kind: 'search_index', label: 'Spare index', position: { x: 300, y: 900 } },
      ],
      edges: [...b.board.edges, { id: 'to-clicks', source: app.id, target: 'clicks' }],
      notes: { ...b.board.notes, scope: 'Writes: about 40,000 new URLs/s.' },
    };
    const rubric = loadBuiltin('url-shortener');
    return { board: withExtras, question: { title: rubric.title }, score: scoreBoard(withExtras, rubric) };
  };

  it('puts the flaw, the cap, what earned nothing and the estimates under the overall score, in Markdown and HTML', () => {
    const md = reportMarkdown(flawed(), null);
    const scorecard = md.slice(md.indexOf('## Scorecard'), md.indexOf('| Step | Score |'));
    expect(scorecard).toContain('_The band is capped at acceptable: without this flaw the design would be strong._');
    expect(scorecard).toMatch(/\*\*Fatal flaw\*\*\n\n- \*\*Layering\*\* — A client talking to the database or cache directly/);
    expect(scorecard).toContain(
      '**Earned nothing**\n\n- Click events leads nowhere and earns nothing: nothing reads from it\n- Spare index is not connected to anything and earns nothing\n',
    );
    expect(scorecard).toContain('- ✗ Your 40,000 new URLs/s is 1,000× the ≈40/s the brief implies');
    const html = reportHtml(flawed(), null);
    const card = html.slice(
      html.indexOf('<section id="scorecard">'),
      html.indexOf('<table>', html.indexOf('<section id="scorecard">')),
    );
    expect(card).toContain('<p class="cap">The band is capped at acceptable: without this flaw the design would be strong.</p>');
    expect(card).toContain('<h3 class="fatal">Fatal flaw</h3><ul><li><strong>Layering</strong> — A client talking');
    expect(card).toContain('<li>Click events leads nowhere and earns nothing: nothing reads from it</li>');
    expect(card).toContain('<span class="off">✗</span> Your 40,000 new URLs/s is 1,000×');
  });

  it('shows only the parts that have something: a strong answer has its estimates and nothing else', () => {
    const b = decodeBoard(
      readFileSync(new URL('../../../rubrics/examples/url-shortener.strong.archdrill.json', import.meta.url), 'utf8'),
    );
    if (!b.ok) throw new Error('fixture');
    const md = reportMarkdown({ board: b.board, score: scoreBoard(b.board, loadBuiltin('url-shortener')) }, null);
    expect(md).not.toContain('Fatal flaw');
    expect(md).not.toContain('Earned nothing');
    expect(md).not.toContain('capped');
    expect(md).toMatch(/\*\*Estimates against the brief\*\*\n\n- ✓ /);
    expect(reportMarkdown({ board }, null)).not.toContain('Estimates against the brief');
  });
});
