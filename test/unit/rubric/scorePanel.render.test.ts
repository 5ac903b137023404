import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardSession, BoardSessionContext } from '../../../renderer/src/board/context';
import { sessionFor } from '../../../renderer/src/board/openSession';
import type { Platform } from '../../../renderer/src/platform/types';
import { findRubric } from '../../../renderer/src/score/builtinRubrics';
import { ScorePanel } from '../../../renderer/src/score/ScorePanel';
import type { Board } from '../../../shared/board/types';
import { scoreBoard } from '../../../shared/rules';
import { loadSample } from '../../fixtures/boards/builders';

/** Server-renders the panel over a doc holding `board`: enough to check what a user would read, without a DOM. */
const render = (sample: string, props: { hintsHidden?: boolean } = {}) => {
  const doc = new Y.Doc();
  const session: BoardSession = sessionFor(doc, {} as Platform);
  session.editor.replaceBoard(loadSample(sample));
  const rubric = findRubric('url-shortener');
  return renderToStaticMarkup(
    createElement(BoardSessionContext.Provider, { value: session }, createElement(ScorePanel, { rubric, ...props })),
  );
};

describe('ScorePanel', () => {
  it('shows the overall score, band, and each rule passed or missed with hint', () => {
    const html = render('url-shortener.textbook');
    const expected = scoreBoard(loadSample('url-shortener.textbook'), findRubric('url-shortener')!);
    expect(html).toContain(`data-band="acceptable" aria-live="polite">${expected.percent}%<`);
    expect(html).toContain('data-testid="rule-entry-path" data-passed="true"');
    expect(html).toContain('Earned by: Client → Load Balancer, Load Balancer → App Server');
    expect(html).toContain('Earned by: App Server');
    expect(html).toMatch(/data-testid="rule-redirect-status" data-passed="false"[\s\S]*?301 is permanent/);
  });

  it('hides hints of missed rules when asked', () => {
    const html = render('url-shortener.textbook', { hintsHidden: true });
    expect(html).not.toContain('301 is permanent');
    expect(html).toContain('Hint hidden until the end.');
  });
});

describe('ScorePanel alerts', () => {
  const renderBoard = (board: Board) => {
    const doc = new Y.Doc();
    const session: BoardSession = sessionFor(doc, {} as Platform);
    session.editor.replaceBoard(board);
    return renderToStaticMarkup(
      createElement(
        BoardSessionContext.Provider,
        { value: session },
        createElement(ScorePanel, { rubric: findRubric('url-shortener') }),
      ),
    );
  };

  it('puts a fatal flaw above the rules, with its hint, and shows the capped band', () => {
    const b = loadSample('url-shortener.strong');
    const client = b.nodes.find((n) => n.kind === 'client')!;
    const cache = b.nodes.find((n) => n.kind === 'cache')!;
    const html = renderBoard({ ...b, edges: [...b.edges, { id: 'bad', source: client.id, target: cache.id }] });
    expect(html).toContain('data-band="acceptable"');
    expect(html).toMatch(
      /data-testid="fatal-flaws"[\s\S]*The band is capped at acceptable: without this flaw the\s+design would be strong\.[\s\S]*Layering<\/strong><span>A client/,
    );
    expect(html.indexOf('data-testid="fatal-flaws"')).toBeLessThan(html.indexOf('data-testid="rule-'));
  });

  it('reports unconnected components and how far an estimate is off', () => {
    const b = loadSample('url-shortener.strong');
    const html = renderBoard({
      ...b,
      nodes: [...b.nodes, { id: 'x', kind: 'search_index', label: 'Spare index', position: { x: 0, y: 900 } }],
      notes: { ...b.notes, scope: 'Writes: 40,000 new URLs/s.' },
    });
    expect(html).toContain('1 component is not connected to anything and earns nothing: Spare index');
    expect(html).toMatch(
      /data-testid="estimate-write-qps" data-within="false">.*Your 40,000 new URLs\/s is 1,000× the ≈40\/s the brief implies/,
    );
  });
});
