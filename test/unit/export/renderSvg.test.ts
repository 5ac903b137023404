import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBoard } from '@shared/board/codec';
import type { Board, BoardNode } from '@shared/board/types';
import { edgeLabelText } from '@shared/export/protocols';
import { ExportError, renderBoardSvg } from '@shared/export/renderSvg';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const EXAMPLES = join(import.meta.dirname, '../../../rubrics/examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.archdrill.json'))
  .map((f) => {
    const decoded = decodeBoard(readFileSync(join(EXAMPLES, f), 'utf8'));
    if (!decoded.ok) throw new Error(`${f}: ${decoded.error}`);
    return [f, decoded.board] as const;
  });

/** The text of every <text> element, as an XML parser reads it. */
const textsOf = (svg: string): string[] => {
  const out: string[] = [];
  const walk = (node: unknown, tag: string) => {
    if (Array.isArray(node)) for (const n of node) walk(n, tag);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k === 'text')
          for (const t of [v].flat()) out.push(String(typeof t === 'object' ? ((t as { '#text'?: unknown })['#text'] ?? '') : t));
        else if (!k.startsWith('@_')) walk(v, k);
      }
  };
  walk(new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(svg), '');
  return out;
};

describe('renderBoardSvg', () => {
  it.each(examples)('%s: well-formed native SVG holding every name and edge label as <text>', (_f, board) => {
    for (const theme of ['light', 'dark'] as const) {
      const { svg } = renderBoardSvg(board, { theme, background: 'theme', padding: 32, title: 'A title', legend: true });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).not.toMatch(/foreignObject|<style|<image|<script/i);
      // Wrapped names come back whole when their lines are joined; a name too long for two lines is
      // cut with "…" and then the component's <title> (its tooltip) holds all of it.
      const texts = textsOf(svg).join(' ');
      for (const n of board.nodes)
        if (n.kind !== 'group' && n.kind !== 'text' && n.label) {
          const whole = texts.includes(n.label);
          const tooltip = svg.includes(
            `<title>${n.label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}`,
          );
          expect(whole || tooltip, n.label).toBe(true);
        }
      for (const e of board.edges) if (edgeLabelText(e)) expect(textsOf(svg)).toContain(edgeLabelText(e));
      expect(texts).toContain('A title');
    }
  });

  it('is a few KB per dozen components, not a style sheet', () => {
    for (const [f, board] of examples) {
      const { svg } = renderBoardSvg(board, { theme: 'light', background: 'theme', padding: 32 });
      const components = board.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'text').length;
      // About 0.6 KB a component (more with a long name's tooltip), 0.35 KB an edge with its label, plus the
      // icons and markers used, once: a dozen components and their edges come to 15–18 KB (the DOM snapshot
      // was 54.6 KB for six).
      expect(svg.length, f).toBeLessThan(3000 + 800 * components + 400 * board.edges.length);
    }
  });

  it('frames the whole board plus padding, title band and legend band', () => {
    const board: Board = {
      nodes: [
        { id: 'a', kind: 'client', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'cache', position: { x: 400, y: 200 } },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', protocol: 'async' }],
      notes: {},
    };
    const plain = renderBoardSvg(board, { theme: 'light', background: 'transparent', padding: 10, legend: false });
    expect([plain.width, plain.height]).toEqual([176 + 400 + 20, 56 + 200 + 20]);
    expect(plain.svg).toContain('viewBox="-10 -10 596 276"');
    expect(plain.svg).not.toMatch(/<rect[^>]*x="-10" y="-10"/);
    const full = renderBoardSvg(board, { theme: 'dark', background: 'theme', padding: 10, title: 'T', legend: true });
    expect([full.width, full.height]).toEqual([596, 276 + 48 + 30]);
    expect(full.svg).toContain('fill="#111419"');
    expect(textsOf(full.svg)).toContain('async');
  });

  it('keeps what a person typed: a long name wraps, and what cannot fit is in a tooltip', () => {
    const label = 'A service whose name goes on and on, well past the two lines of any reasonable component box';
    const node: BoardNode = { id: 'x', kind: 'service', label, position: { x: 0, y: 0 } };
    const { svg } = renderBoardSvg({ nodes: [node], edges: [], notes: {} }, { theme: 'light', background: 'white', padding: 0 });
    expect(svg).toContain(`<title>${label}\nService</title>`);
    const lines = textsOf(svg).filter((t) => t !== 'Service');
    expect(lines).toHaveLength(2);
    expect(label.startsWith(`${lines[0]} ${lines[1]?.replace(/…$/, '')}`)).toBe(true);
    expect(lines[1]).toMatch(/…$/);
  });

  it('refuses an empty board with a sentence', () => {
    expect(() =>
      renderBoardSvg({ nodes: [], edges: [], notes: {} }, { theme: 'light', background: 'white', padding: 0 }),
    ).toThrow(ExportError);
  });

  it('escapes what people type', () => {
    const board: Board = {
      nodes: [{ id: 'a', kind: 'client', label: '<b>&"', position: { x: 0, y: 0 } }],
      edges: [],
      notes: {},
    };
    const { svg } = renderBoardSvg(board, { theme: 'light', background: 'white', padding: 0, title: '</svg>' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(textsOf(svg)).toContain('<b>&"');
  });
});
