import type { NodeProps } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  type FlowEdge,
  type FlowNode,
  sameNodeView,
  toFlowEdge,
  toFlowNode,
} from '../../../renderer/src/canvas/toFlow';
import { edge, node } from '../../fixtures/boards/builders';

describe('toFlowNode', () => {
  it('maps kinds to node types, carries the domain node, and sizes frames and notes', () => {
    const cache = toFlowNode(node('c', 'cache', { position: { x: 3, y: 4 } }));
    expect(cache).toMatchObject({ id: 'c', type: 'component', position: { x: 3, y: 4 } });
    expect(cache.data.node.kind).toBe('cache');
    expect(cache.width).toBeUndefined();

    const note = toFlowNode(node('t', 'text'));
    expect(note).toMatchObject({ type: 'text', ...DEFAULT_SIZE.text });
    const frame = toFlowNode(node('g', 'group', { size: { width: 500, height: 400 } }));
    expect(frame).toMatchObject({ type: 'group', width: 500, height: 400, zIndex: -1 });
  });

  it('keeps local state (selection, measured size, drag) from the previous flow node', () => {
    const prev: FlowNode = {
      ...toFlowNode(node('c', 'cache')),
      selected: true,
      measured: { width: 160, height: 64 },
    };
    const next = toFlowNode(node('c', 'cache', { label: 'Redis', position: { x: 10, y: 0 } }), prev);
    expect(next.selected).toBe(true);
    expect(next.measured).toEqual({ width: 160, height: 64 });
    expect(next.position).toEqual({ x: 10, y: 0 });
    expect(next.data.node.label).toBe('Redis');
  });

  it('keeps a dragged node under the local pointer when a partner’s move arrives', () => {
    const prev: FlowNode = { ...toFlowNode(node('c', 'cache')), position: { x: 250, y: 90 }, dragging: true };
    const next = toFlowNode(node('c', 'cache', { position: { x: -500, y: -500 } }), prev);
    expect(next.position).toEqual({ x: 250, y: 90 });
    expect(next.dragging).toBe(true);
    // The doc's position is still what the node data says.
    expect(next.data.node.position).toEqual({ x: -500, y: -500 });
  });

  it('takes the doc position once the drag is over', () => {
    const prev: FlowNode = { ...toFlowNode(node('c', 'cache')), position: { x: 250, y: 90 }, dragging: false };
    expect(toFlowNode(node('c', 'cache', { position: { x: 7, y: 8 } }), prev).position).toEqual({ x: 7, y: 8 });
  });
});

describe('toFlowEdge', () => {
  it('maps an edge (its markers come from its protocol, in ProtocolEdge), keeping the local selection', () => {
    const e = edge('a', 'b', { protocol: 'grpc', label: 'lookup' });
    const first = toFlowEdge(e);
    expect(first).toMatchObject({ id: 'a>b', source: 'a', target: 'b', type: 'protocol' });
    expect(first.data?.edge).toEqual(e);
    expect(first.selected).toBeUndefined();
    const prev: FlowEdge = { ...first, selected: true };
    expect(toFlowEdge(e, prev).selected).toBe(true);
  });
});

describe('sameNodeView', () => {
  const props = (over: Partial<NodeProps<FlowNode>> = {}): NodeProps<FlowNode> => {
    const n = toFlowNode(node('c', 'cache'));
    return {
      id: n.id,
      type: 'component',
      data: n.data,
      selected: false,
      dragging: false,
      draggable: true,
      selectable: true,
      deletable: true,
      isConnectable: true,
      zIndex: 0,
      positionAbsoluteX: 0,
      positionAbsoluteY: 0,
      ...over,
    };
  };

  it('skips re-drawing a node whose only change is where it is (each drag frame)', () => {
    const a = props();
    expect(sameNodeView(a, { ...a, positionAbsoluteX: 40, positionAbsoluteY: 12, dragging: true })).toBe(true);
  });

  it('skips re-drawing a node a partner moved: a new domain node that differs only in its position', () => {
    const a = props({ data: toFlowNode(node('c', 'cache', { props: { tech: 'Redis' } })).data });
    const moved = toFlowNode(node('c', 'cache', { props: { tech: 'Redis' }, position: { x: 300, y: -40 } }));
    expect(moved.data).not.toBe(a.data);
    expect(sameNodeView(a, { ...a, data: moved.data })).toBe(true);
  });

  it('re-draws a node for new data (rename, kind, a prop, size) or a change of selection', () => {
    const a = props();
    const redraws = [
      node('c', 'cache', { label: 'Redis' }),
      node('c', 'message_queue'),
      node('c', 'cache', { props: { replicas: 3 } }),
      node('c', 'cache', { size: { width: 300, height: 90 } }),
    ];
    for (const changed of redraws) expect(sameNodeView(a, { ...a, data: toFlowNode(changed).data })).toBe(false);
    const tech = (t: string) => props({ data: toFlowNode(node('c', 'cache', { props: { tech: t } })).data });
    expect(sameNodeView(tech('Redis'), tech('Memcached'))).toBe(false);
    expect(sameNodeView(a, { ...a, selected: true })).toBe(false);
  });
});
