import {
  addEdges,
  addNodes,
  createLocalOrigin,
  deleteElements,
  readBoard,
  replaceBoard,
  updateEdge,
  updateNode,
} from '@shared/board/doc';
import type { NodeChange } from '@xyflow/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createBoardEditor } from '../../../renderer/src/board/editor';
import { FlowBinding, type Selection } from '../../../renderer/src/canvas/flowBinding';
import type { FlowNode } from '../../../renderer/src/canvas/toFlow';
import { board, chain, edge, node } from '../../fixtures/boards/builders';
import { updatesDuring } from '../support/docUpdates';

const me = createLocalOrigin('me');
const partner = createLocalOrigin('partner');

/** A local doc bound to React Flow state, and a partner's doc whose edits arrive as remote updates. */
const setup = ({ readOnly = false } = {}) => {
  const doc = new Y.Doc();
  replaceBoard(
    doc,
    board(
      [
        node('a', 'client', { position: { x: 0, y: 0 } }),
        node('b', 'service', { position: { x: 200, y: 0 } }),
        node('c', 'cache', { position: { x: 400, y: 0 } }),
      ],
      chain('a', 'b', 'c'),
    ),
    me,
  );
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  const fromPartner = (edit: (d: Y.Doc) => void) => {
    const sv = Y.encodeStateVector(doc);
    edit(remote);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, sv), 'network');
  };
  const onSelection = vi.fn<(s: Selection) => void>();
  const editor = createBoardEditor(doc, { user: 'me', readOnly });
  const binding = new FlowBinding(doc, editor, onSelection);
  const listener = vi.fn();
  const unsubscribe = binding.subscribe(listener);
  return { doc, binding, listener, unsubscribe, onSelection, fromPartner };
};

const byId = (nodes: readonly FlowNode[], id: string) => nodes.find((n) => n.id === id);

let current: FlowBinding | undefined;
afterEach(() => current?.destroy());

describe('FlowBinding', () => {
  it('shows the doc’s nodes and edges', () => {
    const { binding } = setup();
    current = binding;
    expect(binding.getNodes().map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(binding.getEdges().map((e) => `${e.source}>${e.target}`)).toEqual(['a>b', 'b>c']);
  });

  it('a remote change to one node rebuilds only that node; the others keep their identity', () => {
    const { binding, listener, fromPartner } = setup();
    current = binding;
    const before = binding.getNodes();
    const edgesBefore = binding.getEdges();
    listener.mockClear();
    fromPartner((d) => updateNode(d, 'b', { label: 'Shortener' }, partner));
    const after = binding.getNodes();
    expect(listener).toHaveBeenCalled();
    expect(byId(after, 'b')?.data.node.label).toBe('Shortener');
    expect(byId(after, 'b')).not.toBe(byId(before, 'b'));
    expect(byId(after, 'a')).toBe(byId(before, 'a'));
    expect(byId(after, 'c')).toBe(byId(before, 'c'));
    expect(binding.getEdges()).toBe(edgesBefore);
  });

  it('a partner adding or deleting a node leaves the other node and edge objects as they were', () => {
    const { binding, fromPartner } = setup();
    current = binding;
    const before = binding.getNodes();
    const edgesBefore = binding.getEdges();
    fromPartner((d) => addNodes(d, [node('d', 'sql_db')], partner));
    expect(binding.getNodes().map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    for (const id of ['a', 'b', 'c']) expect(byId(binding.getNodes(), id)).toBe(byId(before, id));
    expect(binding.getEdges()[0]).toBe(edgesBefore[0]);
    expect(binding.getEdges()[1]).toBe(edgesBefore[1]);

    fromPartner((d) => deleteElements(d, { nodeIds: ['c'] }, partner));
    expect(binding.getNodes().map((n) => n.id)).toEqual(['a', 'b', 'd']);
    expect(byId(binding.getNodes(), 'a')).toBe(byId(before, 'a'));
    expect(binding.getEdges()).toEqual([edgesBefore[0]]);
    expect(binding.getEdges()[0]).toBe(edgesBefore[0]);
  });

  it('a partner relabelling one edge rebuilds only that edge', () => {
    const { binding, fromPartner } = setup();
    current = binding;
    const [first, second] = binding.getEdges();
    const nodesBefore = binding.getNodes();
    fromPartner((d) => updateEdge(d, 'b>c', { label: 'reads', protocol: 'tcp' }, partner));
    expect(binding.getEdges()[0]).toBe(first);
    expect(binding.getEdges()[1]).not.toBe(second);
    expect(binding.getEdges()[1]?.data?.edge).toMatchObject({ label: 'reads', protocol: 'tcp' });
    expect(binding.getNodes()).toBe(nodesBefore);
  });

  it('a partner adding an edge leaves the other edge objects as they were', () => {
    const { binding, fromPartner } = setup();
    current = binding;
    const edgesBefore = binding.getEdges();
    fromPartner((d) => addEdges(d, [edge('a', 'c', 'http')], partner));
    expect(binding.getEdges()).toHaveLength(3);
    expect(binding.getEdges()[0]).toBe(edgesBefore[0]);
    expect(binding.getEdges()[1]).toBe(edgesBefore[1]);
    expect(binding.getEdges()[2]?.data?.edge.protocol).toBe('http');
  });

  it('an edge that arrives before its node shows up once the node does', () => {
    const { doc, binding } = setup();
    current = binding;
    // X adds a queue; Y sees it and connects to it; Y's edge reaches us before X's node does.
    const [x, y] = [new Y.Doc(), new Y.Doc()];
    for (const d of [x, y]) Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
    const base = Y.encodeStateVector(x);
    addNodes(x, [node('q', 'message_queue')], partner);
    const nodeUpdate = Y.encodeStateAsUpdate(x, base);
    Y.applyUpdate(y, nodeUpdate);
    const seen = Y.encodeStateVector(y);
    addEdges(y, [edge('b', 'q', 'async')], partner);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(y, seen), 'network');
    expect(binding.getEdges().map((e) => e.id)).toEqual(['a>b', 'b>c']);
    Y.applyUpdate(doc, nodeUpdate, 'network');
    expect(binding.getEdges().map((e) => e.id)).toEqual(['a>b', 'b>c', 'b>q']);
  });

  it('a drag moves nodes locally without writing the doc; drag end writes all positions in one update', () => {
    const { doc, binding } = setup();
    current = binding;
    const drag: NodeChange<FlowNode>[] = ['a', 'b', 'c'].map((id, i) => ({
      type: 'position',
      id,
      position: { x: i * 200 + 50.4, y: 80.6 },
      dragging: true,
    }));
    expect(updatesDuring(doc, () => binding.onNodesChange(drag))).toBe(0);
    expect(byId(binding.getNodes(), 'a')?.position).toEqual({ x: 50.4, y: 80.6 });

    const end = binding.getNodes().map((n) => ({ id: n.id, position: n.position }));
    expect(updatesDuring(doc, () => binding.commitPositions(end))).toBe(1);
    expect(readBoard(doc).nodes.map((n) => n.position)).toEqual([
      { x: 50, y: 81 },
      { x: 250, y: 81 },
      { x: 450, y: 81 },
    ]);
    expect(binding.getNodes().every((n) => !n.dragging)).toBe(true);
  });

  it('a partner’s move of a node I am dragging does not yank it from under my pointer', () => {
    const { binding, fromPartner } = setup();
    current = binding;
    binding.onNodesChange([{ type: 'position', id: 'b', position: { x: 222, y: 33 }, dragging: true }]);
    fromPartner((d) => updateNode(d, 'b', { position: { x: -1000, y: -1000 } }, partner));
    expect(byId(binding.getNodes(), 'b')?.position).toEqual({ x: 222, y: 33 });
  });

  it('remove deletes nodes and the edges connected to them', () => {
    const { doc, binding } = setup();
    current = binding;
    binding.remove(['b'], []);
    expect(readBoard(doc).nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(readBoard(doc).edges).toEqual([]);
    expect(binding.getNodes().map((n) => n.id)).toEqual(['a', 'c']);
    expect(binding.getEdges()).toEqual([]);
  });

  it('ignores React Flow’s own remove changes (deletion goes through remove, with undo)', () => {
    const { doc, binding } = setup();
    current = binding;
    binding.onNodesChange([{ type: 'remove', id: 'a' }]);
    expect(readBoard(doc).nodes).toHaveLength(3);
    expect(binding.getNodes()).toHaveLength(3);
  });

  it('setSelection marks the chosen nodes and edges, touching only those that change', () => {
    const { binding, listener } = setup();
    current = binding;
    const before = binding.getNodes();
    const edgeId = binding.getEdges()[0]?.id ?? '';
    listener.mockClear();
    binding.setSelection({ nodeIds: new Set(['b']), edgeIds: new Set([edgeId]) });
    expect(binding.getNodes().map((n) => Boolean(n.selected))).toEqual([false, true, false]);
    expect(byId(binding.getNodes(), 'a')).toBe(byId(before, 'a'));
    expect(binding.selection()).toEqual({ nodeIds: new Set(['b']), edgeIds: new Set([edgeId]) });
    expect(listener).toHaveBeenCalledTimes(1);
    const [nodes, edges] = [binding.getNodes(), binding.getEdges()];
    binding.setSelection({ nodeIds: new Set(['b']), edgeIds: new Set([edgeId]) });
    expect(listener).toHaveBeenCalledTimes(1);
    // Nothing changed, so React Flow is not handed new lists (each new list is a pass over every node).
    expect(binding.getNodes()).toBe(nodes);
    expect(binding.getEdges()).toBe(edges);
    // A change to the nodes alone leaves the edge list as it was.
    binding.setSelection({ nodeIds: new Set(['c']), edgeIds: new Set([edgeId]) });
    expect(binding.getEdges()).toBe(edges);
    expect(binding.getNodes()).not.toBe(nodes);
  });

  it('selection by clicking (select changes) reports the new selection', () => {
    const { binding, onSelection } = setup();
    current = binding;
    binding.onNodesChange([
      { type: 'select', id: 'a', selected: true },
      { type: 'select', id: 'c', selected: true },
    ]);
    expect(onSelection).toHaveBeenCalledTimes(1);
    expect(onSelection.mock.calls[0]?.[0].nodeIds).toEqual(new Set(['a', 'c']));
    binding.onEdgesChange([{ type: 'select', id: binding.getEdges()[1]?.id ?? '', selected: true }]);
    expect(onSelection).toHaveBeenCalledTimes(2);
    expect(onSelection.mock.calls[1]?.[0].edgeIds.size).toBe(1);
  });

  it('a selected node stays selected when a partner edits it', () => {
    const { binding, fromPartner } = setup();
    current = binding;
    binding.setSelection({ nodeIds: new Set(['c']), edgeIds: new Set() });
    fromPartner((d) => updateNode(d, 'c', { label: 'Redis' }, partner));
    expect(byId(binding.getNodes(), 'c')).toMatchObject({ selected: true, data: { node: { label: 'Redis' } } });
  });

  it('a finished resize writes the size to the doc; resizing in progress does not', () => {
    const { doc, binding } = setup();
    current = binding;
    const resize = (resizing: boolean): NodeChange<FlowNode> => ({
      type: 'dimensions',
      id: 'a',
      dimensions: { width: 180.4, height: 70.6 },
      resizing,
      setAttributes: true,
    });
    expect(updatesDuring(doc, () => binding.onNodesChange([resize(true)]))).toBe(0);
    binding.onNodesChange([resize(false)]);
    expect(readBoard(doc).nodes[0]?.size).toEqual({ width: 180, height: 71 });
  });

  it('read-only: a resize or drag changes neither the doc nor the local canvas; selection still works', () => {
    const { doc, binding } = setup({ readOnly: true });
    current = binding;
    const before = Y.encodeStateAsUpdate(doc);
    const sizeBefore = byId(binding.getNodes(), 'a')?.width;
    for (const resizing of [true, false])
      binding.onNodesChange([
        { type: 'dimensions', id: 'a', dimensions: { width: 504, height: 352 }, resizing, setAttributes: true },
      ]);
    binding.onNodesChange([{ type: 'position', id: 'a', position: { x: 300, y: 300 }, dragging: true }]);
    binding.commitPositions([{ id: 'a', position: { x: 300, y: 300 } }]);
    binding.remove(['b'], []);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(byId(binding.getNodes(), 'a')?.position).toEqual({ x: 0, y: 0 });
    expect(byId(binding.getNodes(), 'a')?.width).toBe(sizeBefore);
    binding.onNodesChange([{ type: 'select', id: 'b', selected: true }]);
    expect(byId(binding.getNodes(), 'b')?.selected).toBe(true);
  });

  it('stops observing when the last listener leaves and catches up when one subscribes again', () => {
    const { binding, listener, unsubscribe, fromPartner } = setup();
    current = binding;
    unsubscribe();
    listener.mockClear();
    fromPartner((d) => updateNode(d, 'a', { label: 'Phone' }, partner));
    expect(listener).not.toHaveBeenCalled();
    const again = vi.fn();
    binding.subscribe(again);
    expect(again).toHaveBeenCalled();
    expect(byId(binding.getNodes(), 'a')?.data.node.label).toBe('Phone');
  });
});
