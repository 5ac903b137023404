import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addNodes, readBoard, setNodeProp, updateNode } from '../../shared/board/doc';
import { pairInRoom, startServer, waitFor } from './helpers';

const lb = { id: 'lb', kind: 'load_balancer', position: { x: 0, y: 0 } } as const;
/** Equal up to key order: Y.Map iteration order follows local integration order, which differs between peers. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
/** readBoard already lists nodes and edges by id; only object key order needs normalising. */
const same = (a: Y.Doc, b: Y.Doc): boolean => canonical(readBoard(a)) === canonical(readBoard(b));

describe('two clients in one room', () => {
  it('converge after concurrent edits to the same component', async () => {
    const server = await startServer();
    const { alice, bob } = await pairInRoom(server);

    addNodes(alice.doc, [lb], 'alice');
    await waitFor('bob sees the node', () => readBoard(bob.doc).nodes.length === 1);

    // Same component, same moment: a label and a move from one side, props from both.
    updateNode(alice.doc, 'lb', { label: 'Edge LB', position: { x: 40, y: 10 } }, 'alice');
    setNodeProp(alice.doc, 'lb', 'replicas', 2, 'alice');
    setNodeProp(bob.doc, 'lb', 'tech', 'nginx', 'bob');
    setNodeProp(bob.doc, 'lb', 'replicas', 3, 'bob');
    updateNode(bob.doc, 'lb', { label: 'LB' }, 'bob');

    await waitFor('both boards equal', () => same(alice.doc, bob.doc));
    const node = readBoard(alice.doc).nodes[0]!;
    expect(node.position).toEqual({ x: 40, y: 10 });
    expect(node.props?.tech).toBe('nginx');
    // Concurrent writes of one field resolve to one of the two values, identically on both sides.
    expect(['Edge LB', 'LB']).toContain(node.label);
    expect([2, 3]).toContain(node.props?.replicas);
  });

  it('merges the edits a client made while offline when it reconnects', async () => {
    const server = await startServer();
    const { alice, bob } = await pairInRoom(server);
    addNodes(alice.doc, [lb], 'alice');
    await waitFor('bob sees the node', () => readBoard(bob.doc).nodes.length === 1);

    bob.provider.disconnect();
    setNodeProp(bob.doc, 'lb', 'replicas', 4, 'bob');
    addNodes(bob.doc, [{ id: 'cache', kind: 'cache', position: { x: 200, y: 0 } }], 'bob');
    addNodes(alice.doc, [{ id: 'db', kind: 'sql_db', position: { x: 400, y: 0 } }], 'alice');
    await new Promise((r) => setTimeout(r, 200));
    expect(
      readBoard(alice.doc)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['db', 'lb']);

    bob.provider.connect();
    await waitFor('both boards equal', () => same(alice.doc, bob.doc));
    const board = readBoard(alice.doc);
    expect(board.nodes.map((n) => n.id).sort()).toEqual(['cache', 'db', 'lb']);
    expect(board.nodes.find((n) => n.id === 'lb')?.props?.replicas).toBe(4);
  });
});
