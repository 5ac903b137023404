import {
  addNodes,
  createLocalOrigin,
  createUndoManager,
  deleteElements,
  moveNodes,
  readBoard,
  replaceBoard,
  setNotes,
  setQuestion,
  updateNode,
} from '@shared/board/doc';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { board, edge, node } from '../../fixtures/boards/builders';
import { DocNetwork } from '../support/docNetwork';

/** Two people on one board: A and B, each with their own origin and undo manager. */
const pair = () => {
  const net = new DocNetwork(2);
  const [docA, docB] = net.docs as [Y.Doc, Y.Doc];
  const a = createLocalOrigin('a');
  const b = createLocalOrigin('b');
  replaceBoard(docA, board([node('lb', 'load_balancer', { label: 'LB' }), node('db', 'sql_db', { label: 'DB' })]), 'setup');
  net.flush();
  return { net, docA, docB, a, b, undoA: createUndoManager(docA, a), undoB: createUndoManager(docB, b) };
};

const nodeIn = (doc: Y.Doc, id: string) => readBoard(doc).nodes.find((n) => n.id === id);

let current: DocNetwork | undefined;
afterEach(() => current?.destroy());

describe('undo is per user', () => {
  it('A’s undo reverts only A’s edits; B’s rename survives; redo restores', () => {
    const { net, docA, docB, a, b, undoA } = pair();
    current = net;
    addNodes(docA, [node('cache', 'cache', { position: { x: 100, y: 0 } })], a);
    undoA.stopCapturing();
    moveNodes(docA, new Map([['cache', { x: 300, y: 50 }]]), a);
    updateNode(docB, 'db', { label: 'Orders DB' }, b);
    net.flush();

    undoA.undo(); // the move
    net.flush();
    expect(nodeIn(docB, 'cache')?.position).toEqual({ x: 100, y: 0 });
    undoA.undo(); // the add
    net.flush();
    for (const doc of [docA, docB]) {
      expect(nodeIn(doc, 'cache')).toBeUndefined();
      expect(nodeIn(doc, 'db')?.label).toBe('Orders DB');
    }
    expect(undoA.canUndo()).toBe(false);

    undoA.redo();
    undoA.redo();
    net.flush();
    expect(nodeIn(docB, 'cache')?.position).toEqual({ x: 300, y: 50 });
    expect(nodeIn(docB, 'db')?.label).toBe('Orders DB');
  });

  it('remote edits never enter the local undo stack', () => {
    const { net, docA, docB, b, undoA } = pair();
    current = net;
    updateNode(docB, 'lb', { label: 'Edge LB' }, b);
    setNotes(docB, 'scope', 'QPS 10k', b);
    net.flush();
    expect(undoA.canUndo()).toBe(false);
    undoA.undo();
    expect(nodeIn(docA, 'lb')?.label).toBe('Edge LB');
    expect(readBoard(docA).notes.scope).toBe('QPS 10k');
  });

  it('undoing a delete brings back the node and its edges', () => {
    const { net, docA, docB, a, undoA } = pair();
    current = net;
    replaceBoard(docA, board([node('s', 'service'), node('c', 'cache')], [edge('s', 'c', 'tcp')]), 'setup');
    net.flush();
    deleteElements(docA, { nodeIds: ['c'] }, a);
    net.flush();
    expect(readBoard(docB).edges).toEqual([]);
    undoA.undo();
    net.flush();
    expect(readBoard(docB).edges).toEqual([edge('s', 'c', 'tcp')]);
  });

  it('the question (session) is not undoable', () => {
    const { net, docA, a, undoA } = pair();
    current = net;
    setQuestion(docA, 'feed', a);
    undoA.undo();
    expect(readBoard(docA).question).toBe('feed');
  });
});

describe('undo steps', () => {
  it('a drag end written as one moveNodes transaction is one undo step', () => {
    const { net, docA, a, undoA } = pair();
    current = net;
    addNodes(docA, [node('x', 'worker', { position: { x: 0, y: 100 } })], a);
    undoA.stopCapturing();
    const before = readBoard(docA);
    moveNodes(
      docA,
      new Map([
        ['lb', { x: 10, y: 10 }],
        ['db', { x: 20, y: 20 }],
        ['x', { x: 30, y: 30 }],
      ]),
      a,
    );
    undoA.undo();
    expect(readBoard(docA)).toEqual(before);
    expect(nodeIn(docA, 'x')).toBeDefined();
  });

  it('stopCapturing separates steps that would otherwise merge', () => {
    const { net, docA, a, undoA } = pair();
    current = net;
    updateNode(docA, 'lb', { label: 'one' }, a);
    updateNode(docA, 'lb', { label: 'two' }, a);
    undoA.undo();
    // Quick successive edits merge into one step (capture timeout)...
    expect(nodeIn(docA, 'lb')?.label).toBe('LB');
    updateNode(docA, 'lb', { label: 'one' }, a);
    undoA.stopCapturing();
    updateNode(docA, 'lb', { label: 'two' }, a);
    undoA.undo();
    // ...and stopCapturing splits them.
    expect(nodeIn(docA, 'lb')?.label).toBe('one');
  });

  it('a new edit after undo clears the redo stack', () => {
    const { net, docA, a, undoA } = pair();
    current = net;
    updateNode(docA, 'lb', { label: 'one' }, a);
    undoA.undo();
    expect(undoA.canRedo()).toBe(true);
    updateNode(docA, 'db', { label: 'Users' }, a);
    expect(undoA.canRedo()).toBe(false);
  });
});
