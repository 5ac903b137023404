import {
  addEdges,
  addNodes,
  boardRoots,
  changedNodeIds,
  createLocalOrigin,
  deleteElements,
  moveNodes,
  newId,
  readBoard,
  readNode,
  replaceBoard,
  setNodeProp,
  setNotes,
  setQuestion,
  updateEdge,
  updateNode,
} from '@shared/board/doc';
import type { Board } from '@shared/board/types';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { board, edge, node } from '../../fixtures/boards/builders';
import { updatesDuring } from '../support/docUpdates';

const me = createLocalOrigin('me');

const sample = (): Board => ({
  question: 'chat',
  nodes: [
    node('client', 'client', { label: 'Phone', position: { x: -200, y: 0 } }),
    node('ws', 'websocket_server', { label: 'Chat servers', position: { x: 0, y: 0 }, props: { replicas: 3, sticky: true } }),
    node('db', 'nosql_db', { label: 'Messages', position: { x: 200, y: 40 }, props: { tech: 'Cassandra' } }),
    node('frame', 'group', { label: 'Region A', position: { x: -250, y: -80 }, size: { width: 600, height: 300 } }),
  ],
  edges: [edge('client', 'ws', { protocol: 'websocket', label: 'WS' }), edge('ws', 'db', { extra: { waypoints: [1, 2] } })],
  notes: { understand: '1:1 and group chat', scope: 'DAU 50M' },
  extra: { createdWith: 'v0' },
});

const docWith = (b: Board): Y.Doc => {
  const doc = new Y.Doc();
  replaceBoard(doc, b, me);
  return doc;
};

const nodeOf = (doc: Y.Doc, id: string) => readBoard(doc).nodes.find((n) => n.id === id);

describe('replaceBoard / readBoard', () => {
  it('reads back exactly the board written, with notes, question and unknown fields', () => {
    const b = sample();
    // readBoard lists nodes and edges by id, so every peer reads the same order.
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(readBoard(docWith(b))).toEqual({ ...b, nodes: byId(b.nodes), edges: byId(b.edges) });
  });

  it('replaces everything that was there (New, Open)', () => {
    const doc = docWith(sample());
    const next = board([node('a', 'cache')], [], { deep_dive: 'LRU' });
    replaceBoard(doc, next, me);
    expect(readBoard(doc)).toEqual(next);
  });

  it('does it in one update', () => {
    const doc = new Y.Doc();
    expect(updatesDuring(doc, () => replaceBoard(doc, sample(), me))).toBe(1);
  });
});

describe('write operations', () => {
  it('addNodes and addEdges add; an edge to a missing node is not added', () => {
    const doc = new Y.Doc();
    addNodes(doc, [node('a', 'service'), node('b', 'cache')], me);
    addEdges(doc, [edge('a', 'b', 'tcp'), edge('a', 'ghost')], me);
    const b = readBoard(doc);
    expect(b.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(b.edges).toEqual([edge('a', 'b', 'tcp')]);
  });

  it('updateNode changes label, position and size', () => {
    const doc = docWith(sample());
    updateNode(doc, 'frame', { label: 'Region B', position: { x: 1, y: 2 }, size: { width: 10, height: 20 } }, me);
    expect(nodeOf(doc, 'frame')).toMatchObject({ label: 'Region B', position: { x: 1, y: 2 }, size: { width: 10, height: 20 } });
  });

  it('a no-op updateNode writes nothing (no history, no network traffic)', () => {
    const doc = docWith(sample());
    const count = updatesDuring(doc, () => updateNode(doc, 'ws', { label: 'Chat servers', position: { x: 0, y: 0 } }, me));
    expect(count).toBe(0);
  });

  it('updateNode of a missing node does nothing', () => {
    const doc = docWith(sample());
    expect(updatesDuring(doc, () => updateNode(doc, 'ghost', { label: 'x' }, me))).toBe(0);
  });

  it('moveNodes moves several nodes in one update and skips missing ones', () => {
    const doc = docWith(sample());
    const positions = new Map([
      ['client', { x: 5, y: 6 }],
      ['db', { x: 7, y: 8 }],
      ['ghost', { x: 0, y: 0 }],
    ]);
    expect(updatesDuring(doc, () => moveNodes(doc, positions, me))).toBe(1);
    expect(nodeOf(doc, 'client')?.position).toEqual({ x: 5, y: 6 });
    expect(nodeOf(doc, 'db')?.position).toEqual({ x: 7, y: 8 });
    expect(nodeOf(doc, 'ws')?.position).toEqual({ x: 0, y: 0 });
  });

  it('setNodeProp sets, overwrites and removes one prop, keeping its type', () => {
    const doc = docWith(sample());
    setNodeProp(doc, 'ws', 'replicas', 5, me);
    setNodeProp(doc, 'ws', 'tech', 'Go', me);
    setNodeProp(doc, 'ws', 'sticky', undefined, me);
    expect(nodeOf(doc, 'ws')?.props).toEqual({ replicas: 5, tech: 'Go' });
    setNodeProp(doc, 'client', 'platform', 'ios', me);
    expect(nodeOf(doc, 'client')?.props).toEqual({ platform: 'ios' });
  });

  it('updateEdge sets the label and protocol, and null clears the protocol', () => {
    const doc = docWith(sample());
    updateEdge(doc, 'ws>db', { label: 'writes', protocol: 'tcp' }, me);
    expect(readBoard(doc).edges[1]).toMatchObject({ label: 'writes', protocol: 'tcp' });
    updateEdge(doc, 'client>ws', { protocol: null }, me);
    expect(readBoard(doc).edges[0]?.protocol).toBeUndefined();
    expect(readBoard(doc).edges[0]?.label).toBe('WS');
  });

  it('deleting a node removes its edges too; deleting an edge leaves its nodes', () => {
    const doc = docWith(sample());
    deleteElements(doc, { edgeIds: ['client>ws'] }, me);
    expect(readBoard(doc).edges.map((e) => e.id)).toEqual(['ws>db']);
    expect(readBoard(doc).nodes).toHaveLength(4);
    deleteElements(doc, { nodeIds: ['db'] }, me);
    expect(readBoard(doc).nodes.map((n) => n.id)).toEqual(['client', 'frame', 'ws']);
    // Gone from the doc itself, not only hidden by readBoard.
    expect(boardRoots(doc).edges.size).toBe(0);
  });

  it('setQuestion sets the question', () => {
    const doc = docWith(sample());
    setQuestion(doc, 'feed', me);
    expect(readBoard(doc).question).toBe('feed');
  });

  it('writes carry the given origin (so undo can track only local edits)', () => {
    const doc = docWith(sample());
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    setNodeProp(doc, 'db', 'replicas', 2, me);
    updateEdge(doc, 'client>ws', { label: 'wss' }, me);
    expect(origins).toEqual([me, me]);
  });
});

describe('notes', () => {
  it('setNotes creates a step’s text on first use and replaces it after', () => {
    const doc = new Y.Doc();
    setNotes(doc, 'deep_dive', 'base62 ids', me);
    setNotes(doc, 'deep_dive', 'base62 ids, 301 redirects', me);
    expect(readBoard(doc).notes).toEqual({ deep_dive: 'base62 ids, 301 redirects' });
  });

  it('setNotes with unchanged text writes nothing', () => {
    const doc = docWith(sample());
    expect(updatesDuring(doc, () => setNotes(doc, 'scope', 'DAU 50M', me))).toBe(0);
  });

  it.each([
    ['one emoji replaced by a neighbour', 'a😀b', 'a😃b'],
    ['an emoji deleted before a similar one', '😃😀', '😀'],
    ['an emoji with the same low half replaced', '\u{1F600}', '\u{1FA00}'],
    ['an emoji inserted between two others', '😀😀', '😀😃😀'],
  ])('keeps emoji whole when %s', (_name, before, after) => {
    const a = new Y.Doc();
    setNotes(a, 'scope', before, me);
    setNotes(a, 'scope', after, me);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoard(a).notes.scope).toBe(after);
    expect(readBoard(b).notes.scope).toBe(after);
  });

  it('edits only the changed middle, so a partner’s concurrent typing elsewhere survives', () => {
    const a = docWith(board([], [], { scope: 'reads dominate writes' }));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Concurrently: A rewrites the middle word, B appends at the end.
    setNotes(a, 'scope', 'reads outnumber writes', me);
    setNotes(b, 'scope', 'reads dominate writes 100:1', createLocalOrigin('b'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(readBoard(a).notes.scope).toBe('reads outnumber writes 100:1');
    expect(readBoard(b).notes).toEqual(readBoard(a).notes);
  });
});

describe('reading remote data defensively', () => {
  it('readNode returns null for maps that are not valid nodes, without throwing', () => {
    const doc = new Y.Doc();
    const nodes = boardRoots(doc).nodes;
    const garbage: Record<string, unknown>[] = [
      {},
      { id: 'a', kind: 'mainframe', x: 0, y: 0 },
      { id: 'b', kind: 'cache', x: '0', y: 0 },
      { id: 'c', kind: 'cache', x: Number.NaN, y: 0 },
      { id: '', kind: 'cache', x: 0, y: 0 },
      { id: 7, kind: 'cache', x: 0, y: 0 },
    ];
    doc.transact(() => {
      garbage.forEach((fields, i) => {
        const m = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
        nodes.set(`g${i}`, m);
      });
    });
    for (const m of nodes.values()) expect(readNode(m)).toBeNull();
    expect(readBoard(doc).nodes).toEqual([]);
  });

  it('keeps a valid node but drops prop values of the wrong type and a non-map props', () => {
    const doc = new Y.Doc();
    const nodes = boardRoots(doc).nodes;
    doc.transact(() => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id: 'a', kind: 'cache', x: 1, y: 2, label: 42 })) m.set(k, v);
      const props = new Y.Map<unknown>();
      props.set('ok', 'redis');
      props.set('nested', { no: true });
      props.set('inf', Number.POSITIVE_INFINITY);
      m.set('props', props);
      nodes.set('a', m);
      const n = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id: 'b', kind: 'cache', x: 0, y: 0, props: 'oops' })) n.set(k, v);
      nodes.set('b', n);
    });
    expect(readBoard(doc).nodes).toEqual([
      { id: 'a', kind: 'cache', position: { x: 1, y: 2 }, props: { ok: 'redis' } },
      { id: 'b', kind: 'cache', position: { x: 0, y: 0 } },
    ]);
  });

  it('readBoard leaves out edges whose ends are gone', () => {
    const a = docWith(board([node('x', 'service'), node('y', 'cache')], [edge('x', 'y')]));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // A partner adds an edge to y while y is deleted here.
    addEdges(b, [edge('y', 'x')], createLocalOrigin('b'));
    deleteElements(a, { nodeIds: ['y'] }, me);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(readBoard(a).edges).toEqual([]);
  });
});

describe('helpers', () => {
  it('changedNodeIds names the nodes touched by a batch of deep events', () => {
    const doc = docWith(sample());
    let seen = new Set<string>();
    boardRoots(doc).nodes.observeDeep((events) => {
      seen = changedNodeIds(events);
    });
    setNodeProp(doc, 'ws', 'replicas', 9, me);
    expect(seen).toEqual(new Set(['ws']));
    addNodes(doc, [node('new', 'cache')], me);
    expect(seen).toEqual(new Set(['new']));
  });

  it('newId makes distinct, URL-safe ids with the prefix', () => {
    const ids = Array.from({ length: 500 }, () => newId('n'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^n_[a-z0-9]+$/);
  });
});
