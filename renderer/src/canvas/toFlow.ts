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

/**
 * The memo test of our node components: they draw only from their id, data
 * and selection. React Flow also passes the node's position (and its
 * dragging flag), which change on every drag frame; its wrapper moves the
 * node, so the content need not render again for them.
 */
export const sameNodeView = (a: NodeProps<FlowNode>, b: NodeProps<FlowNode>): boolean =>
  a.id === b.id && a.data === b.data && a.selected === b.selected;
