import { ReactFlow, type ReactFlowProps } from '@xyflow/react';
import { memo, useEffect, useState } from 'react';
import type { FlowBinding } from './flowBinding';
import type { FlowEdge, FlowNode } from './toFlow';

type BoundFlowProps = Omit<ReactFlowProps<FlowNode, FlowEdge>, 'nodes' | 'edges'> & { readonly binding: FlowBinding };

interface Elements {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

/**
 * The binding's nodes and edges as React state, the way React Flow's own
 * useNodesState holds them. A state update takes the priority of the event
 * behind it: a click or a key renders at once, but a drag's pointermove
 * renders in a task of its own, after Chromium has acknowledged the input,
 * so that render overlaps the next pointer move's trip through the browser.
 * useSyncExternalStore rendered every drag step inside the pointermove
 * dispatch, before the acknowledgement, and the two then took turns: about
 * 0.85× bare React Flow's node updates per second at 300 components
 * (bench/canvas.bench.ts), at the same CPU per update.
 */
function useBindingElements(binding: FlowBinding): Elements {
  const [elements, setElements] = useState<Elements>(() => ({ nodes: binding.getNodes(), edges: binding.getEdges() }));
  useEffect(() => {
    const update = () =>
      setElements((s) => {
        const nodes = binding.getNodes();
        const edges = binding.getEdges();
        return s.nodes === nodes && s.edges === edges ? s : { nodes, edges };
      });
    const unsubscribe = binding.subscribe(update);
    // Whatever changed between the first render and this subscription.
    update();
    return unsubscribe;
  }, [binding]);
  return elements;
}

/**
 * React Flow fed with the binding's nodes and edges: the one part of the
 * canvas that renders on every node change, i.e. every drag frame and every
 * partner's move. The canvas around it (its hooks, and the panels passed as
 * children, whose elements keep their identity) renders only when its own
 * state changes.
 */
export const BoundFlow = memo(function BoundFlow({ binding, ...props }: BoundFlowProps) {
  const { nodes, edges } = useBindingElements(binding);
  return <ReactFlow<FlowNode, FlowEdge> nodes={nodes} edges={edges} {...props} />;
});
