import { describe, expect, it } from 'vitest';
import { cloneFragment, fragmentOf } from '../../../renderer/src/canvas/clipboard';
import { chain, edge, node } from '../../fixtures/boards/builders';

const nodes = [
  node('lb', 'load_balancer', { label: 'LB', position: { x: 0, y: 0 }, props: { replicas: 2 } }),
  node('api', 'service', { label: 'API', position: { x: 200, y: 0 } }),
  node('db', 'sql_db', { position: { x: 400, y: 0 } }),
  node('note', 'text', { label: 'hot path', position: { x: 0, y: 200 }, size: { width: 200, height: 80 } }),
];
const edges = [...chain('lb', 'api', 'db'), edge('note', 'lb')];

describe('fragmentOf', () => {
  it('takes the chosen nodes and only the edges between them', () => {
    const f = fragmentOf(nodes, edges, new Set(['lb', 'api', 'note']));
    expect(f.nodes.map((n) => n.id)).toEqual(['lb', 'api', 'note']);
    expect(f.edges.map((e) => e.id)).toEqual(['lb>api', 'note>lb']);
  });
});

describe('cloneFragment', () => {
  const fragment = fragmentOf(nodes, edges, new Set(['lb', 'api', 'db', 'note']));
  const copy = cloneFragment(fragment, { x: 24, y: -8 });

  it('gives every node and edge a fresh id', () => {
    const oldIds = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    const newIds = [...copy.nodes.map((n) => n.id), ...copy.edges.map((e) => e.id)];
    expect(new Set(newIds).size).toBe(newIds.length);
    for (const id of newIds) expect(oldIds.has(id)).toBe(false);
    expect(cloneFragment(fragment, { x: 0, y: 0 }).nodes[0]?.id).not.toBe(copy.nodes[0]?.id);
  });

  it('rewires edges to the copies, so the pasted design is wired the same way', () => {
    const copyOf = new Map(fragment.nodes.map((n, i) => [n.id, copy.nodes[i]?.id]));
    expect(copy.edges.map((e) => [e.source, e.target])).toEqual(
      fragment.edges.map((e) => [copyOf.get(e.source), copyOf.get(e.target)]),
    );
  });

  it('offsets positions and keeps everything else (kind, label, props, size, protocol)', () => {
    expect(copy.nodes.map((n) => n.position)).toEqual(fragment.nodes.map((n) => ({ x: n.position.x + 24, y: n.position.y - 8 })));
    expect(copy.nodes.map(({ id: _, position: __, ...rest }) => rest)).toEqual(
      fragment.nodes.map(({ id: _, position: __, ...rest }) => rest),
    );
  });

  it('leaves the original fragment untouched', () => {
    expect(fragment.nodes[0]).toEqual(nodes[0]);
    expect(fragment.edges[0]).toEqual(edges[0]);
  });
});
