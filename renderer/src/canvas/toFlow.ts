import type { BoardEdge, BoardNode } from '@shared/board/types';
import { DEFAULT_SIZE } from '@shared/export/nodeLayout';
import type { Edge, Node, NodeProps } from '@xyflow/react';

/** Data carried by every React Flow node: the domain node, never the Y.Map. */
export type BoardNodeData = { readonly node: BoardNode };
export type BoardEdgeData = { readonly edge: BoardEdge };
export type FlowNode = Node<BoardNodeData>;
export type FlowEdge = Edge<BoardEdgeData>;

export const flowNodeType = (node: BoardNode): string =>
  node.kind === 'text' ? 'text' : node.kind === 'group' ? 'group' : 'component';

/** Default sizes of resizable nodes, used when a file gives none (the exports use the same). */
export { DEFAULT_SIZE };

/**
 * Domain node → React Flow node. `prev` carries the local-only state
 * (selection, measured size, a drag in progress) across remote updates.
 */
export const toFlowNode = (node: BoardNode, prev?: FlowNode): FlowNode => {
  const type = flowNodeType(node);
  const size = node.size ?? (type === 'text' || type === 'group' ? DEFAULT_SIZE[type] : undefined);
  const dragging = prev?.dragging === true;
  return {
    id: node.id,
    type,
    // A partner's move must not yank a node out from under the local pointer.
    position: dragging && prev ? prev.position : node.position,
    data: { node },
    ...(size && { width: size.width, height: size.height }),
    ...(type === 'group' && { zIndex: -1 }),
    ...(prev?.selected && { selected: true }),
    ...(dragging && { dragging: true }),
    ...(prev?.measured && { measured: prev.measured }),
  };
};

export const toFlowEdge = (edge: BoardEdge, prev?: FlowEdge): FlowEdge => ({
  id: edge.id,
  source: edge.source,
  target: edge.target,
  type: 'protocol',
  data: { edge },
  // Markers come from the protocol (ProtocolEdge, EdgeMarkers), as in exported pictures.
  ...(prev?.selected && { selected: true }),
});

/** Two flat prop records with the same keys and values (readNode builds a new record on every read). */
const sameProps = (a: BoardNode['props'], b: BoardNode['props']): boolean => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** Everything of a node that its view draws: all of it except where it is. */
const sameContent = (a: BoardNode, b: BoardNode): boolean =>
  a === b ||
  (a.id === b.id &&
    a.kind === b.kind &&
    a.label === b.label &&
    a.size?.width === b.size?.width &&
    a.size?.height === b.size?.height &&
    a.extra === b.extra &&
    sameProps(a.props, b.props));

/**
 * The memo test of our node components: they draw only from their id, the
 * domain node's content and selection, never from its position. React Flow
 * passes the node's position (and its dragging flag), which change on every
 * drag frame, and a partner's move brings a new domain node that differs
 * only in its position; React Flow's wrapper moves the node, so the content
 * need not render again for either.
 */
export const sameNodeView = (a: NodeProps<FlowNode>, b: NodeProps<FlowNode>): boolean =>
  a.id === b.id && a.selected === b.selected && (a.data === b.data || sameContent(a.data.node, b.data.node));
