import { ReactFlow, type ReactFlowProps } from '@xyflow/react';
import { memo, useMemo, useSyncExternalStore } from 'react';
import type { FlowBinding } from './flowBinding';
import type { FlowEdge, FlowNode } from './toFlow';

type BoundFlowProps = Omit<ReactFlowProps<FlowNode, FlowEdge>, 'nodes' | 'edges'> & { readonly binding: FlowBinding };

/** Pointer and wheel moves: a drag step or a pan, many a second. */
const CONTINUOUS = new Set(['pointermove', 'mousemove', 'touchmove', 'wheel']);

/**
 * The binding's subscription, with changes made while a continuous input
 * event is dispatched (a drag step) passed on in a task of their own, the
 * way React Flow's useNodesState renders them (a state update in a
 * pointermove renders in a scheduled task). Rendered inside the dispatch,
 * each drag step delayed Chromium's acknowledgement of the event, and the
 * next move's round trip (browser, driver, back) then waited for the render:
 * 0.85× bare React Flow's node updates per second at 300 components, at the
 * same CPU per update (bench/canvas.bench.ts). Every other change (a click, a
 * key, a partner's move) still renders at once.
 */
function deferringContinuousInput(binding: FlowBinding) {
  return (onChange: () => void) => {
    let pending = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      pending = false;
      onChange();
    };
    const unsubscribe = binding.subscribe(() => {
      if (!CONTINUOUS.has(window.event?.type ?? '')) onChange();
      else if (!pending) {
        pending = true;
        channel.port2.postMessage(null);
      }
    });
    return () => {
      unsubscribe();
      channel.port1.close();
    };
  };
}

/**
 * React Flow fed with the binding's nodes and edges: the one part of the
 * canvas that renders on every node change, i.e. every drag frame and every
 * partner's move. The canvas around it (its hooks, and the panels passed as
 * children, whose elements keep their identity) renders only when its own
 * state changes.
 */
export const BoundFlow = memo(function BoundFlow({ binding, ...props }: BoundFlowProps) {
  const subscribe = useMemo(() => deferringContinuousInput(binding), [binding]);
  const nodes = useSyncExternalStore(subscribe, binding.getNodes);
  const edges = useSyncExternalStore(subscribe, binding.getEdges);
  return <ReactFlow<FlowNode, FlowEdge> nodes={nodes} edges={edges} {...props} />;
});
