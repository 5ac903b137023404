import {
  Background,
  Controls,
  type Edge,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import { useCallback, useState } from 'react';
import { BenchHooks } from './BenchHooks';
import { gridCells, gridLinks } from './grid';

/** React Flow's stress example: default nodes 50 × 30 with a label, controlled through useNodesState/useEdgesState. */
function stressElements(n: number): { nodes: Node[]; edges: Edge[] } {
  const nodes = gridCells(n).map(({ id, position }) => ({
    id,
    position,
    data: { label: `Node ${id}` },
    style: { width: 50, height: 30, fontSize: 11 },
    width: 50,
    height: 30,
  }));
  return { nodes, edges: gridLinks(n).map((l) => ({ ...l })) };
}

function BareFlow({ n }: { readonly n: number }) {
  const [initial] = useState(() => stressElements(n));
  const [nodes, setNodes, onNodesChange] = useNodesState(initial.nodes);
  const [edges, , onEdgesChange] = useEdgesState(initial.edges);
  const moveRemote = useCallback(
    (id: string, x: number, y: number) =>
      setNodes((ns) => ns.map((node) => (node.id === id ? { ...node, position: { x, y } } : node))),
    [setNodes],
  );
  return (
    <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} minZoom={0.1} fitView>
      <Controls />
      <Background />
      <BenchHooks moveRemote={moveRemote} />
    </ReactFlow>
  );
}

export function BarePage({ n }: { readonly n: number }) {
  return (
    <ReactFlowProvider>
      <BareFlow n={n} />
    </ReactFlowProvider>
  );
}
