import { ReactFlow, type ReactFlowProps } from '@xyflow/react';
import { memo, useMemo, useSyncExternalStore } from 'react';
import type { FlowBinding } from './flowBinding';
import { deferDuringContinuousInput } from './inputDeferral';
import type { FlowEdge, FlowNode } from './toFlow';

type BoundFlowProps = Omit<ReactFlowProps<FlowNode, FlowEdge>, 'nodes' | 'edges'> & { readonly binding: FlowBinding };

/**
 * React Flow fed with the binding's nodes and edges: the one part of the
 * canvas that renders on every node change, i.e. every drag frame and every
 * partner's move. The canvas around it (its hooks, and the panels passed as
 * children, whose elements keep their identity) renders only when its own
 * state changes. A drag step renders in a task after its pointer move
 * (inputDeferral.ts); everything else at once.
 */
export const BoundFlow = memo(function BoundFlow({ binding, ...props }: BoundFlowProps) {
  const subscribe = useMemo(() => deferDuringContinuousInput(binding.subscribe), [binding]);
  const nodes = useSyncExternalStore(subscribe, binding.getNodes);
  const edges = useSyncExternalStore(subscribe, binding.getEdges);
  return <ReactFlow<FlowNode, FlowEdge> nodes={nodes} edges={edges} {...props} />;
});
