import type { Protocol } from '@shared/board/kinds';
import { BaseEdge, type EdgeProps, getStraightPath, type InternalNode, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { floatingEndpoints } from './floating';
import type { FlowEdge } from './toFlow';

/** How each protocol is drawn: async hops dashed, replication dotted, websockets long-dashed. */
export const PROTOCOL_STYLE: Readonly<Record<Protocol | 'none', { dash?: string; width: number; label: string }>> = {
  none: { width: 1.6, label: '' },
  http: { width: 1.8, label: 'HTTP' },
  grpc: { width: 2.4, label: 'gRPC' },
  websocket: { dash: '10 4 2 4', width: 2, label: 'WebSocket' },
  tcp: { width: 1.4, label: 'TCP' },
  async: { dash: '7 5', width: 1.8, label: 'async' },
  replication: { dash: '2 4', width: 2, label: 'replication' },
  other: { width: 1.4, label: 'other' },
};

/**
 * The edge's floating endpoints, from one store subscription per edge (not two
 * useInternalNode calls: every React Flow store update runs every subscriber,
 * and at hundreds of edges they add up). The selector returns the same object
 * until one of the two nodes changes, so unaffected edges never re-render.
 */
function useFloatingEndpoints(source: string, target: string) {
  const select = useMemo(() => {
    let from: InternalNode | undefined;
    let to: InternalNode | undefined;
    let endpoints: ReturnType<typeof floatingEndpoints> | null = null;
    return (s: ReactFlowState) => {
      const a = s.nodeLookup.get(source);
      const b = s.nodeLookup.get(target);
      if (a !== from || b !== to) {
        from = a;
        to = b;
        endpoints = a && b ? floatingEndpoints(a, b) : null;
      }
      return endpoints;
    };
  }, [source, target]);
  return useStore(select);
}

/** A directed edge drawn border to border, styled by protocol, with its label in SVG (so image export keeps it). */
export const ProtocolEdge = memo(function ProtocolEdge({ id, source, target, data, selected, markerEnd }: EdgeProps<FlowEdge>) {
  const ends = useFloatingEndpoints(source, target);
  if (!ends) return null;
  const { sx, sy, tx, ty } = ends;
  const [path, labelX, labelY] = getStraightPath({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty });
  const protocol = data?.edge.protocol ?? 'none';
  const style = PROTOCOL_STYLE[protocol as Protocol | 'none'];
  const label = data?.edge.label ?? '';
  // "HTTPS" already says HTTP: don't repeat the protocol after a label that names it.
  const showProtocol = protocol !== 'none' && protocol !== 'other' && !label.toLowerCase().includes(style.label.toLowerCase());
  const text = [label, showProtocol ? style.label : ''].filter(Boolean).join(' · ');
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      className={`protocol-${protocol}${selected ? ' selected' : ''}`}
      style={{ strokeWidth: selected ? style.width + 1 : style.width, ...(style.dash && { strokeDasharray: style.dash }) }}
      interactionWidth={16}
      {...(text && {
        label: text,
        labelX,
        labelY,
        labelShowBg: true,
        labelBgPadding: [4, 2] as [number, number],
        labelBgBorderRadius: 3,
        labelStyle: { fontSize: 11 },
      })}
    />
  );
});
