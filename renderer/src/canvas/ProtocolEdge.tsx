import type { Protocol } from '@shared/board/kinds';
import { BaseEdge, type EdgeProps, getStraightPath, useStoreApi } from '@xyflow/react';
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
 * The edge's floating endpoints, read from React Flow's node lookup while
 * rendering instead of from a store subscription per edge: every store update
 * runs every subscriber, and at hundreds of edges that was a third of a drag
 * frame's script. No subscription is needed because React Flow's edge wrapper
 * re-renders this edge whenever its handles' positions change, and those move
 * with the nodes' boxes: the source handle's point is the middle of the
 * source's right edge, the target's the middle of the target's bottom edge
 * (ComponentNode.tsx), so moving or resizing either node changes them. The memo
 * below recomputes exactly then.
 */
function useFloatingEndpoints({ source, target, sourceX, sourceY, targetX, targetY }: EdgeProps<FlowEdge>) {
  const lookup = useStoreApi().getState().nodeLookup;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the handle positions stand for the two nodes' boxes (see above).
  return useMemo(() => {
    const a = lookup.get(source);
    const b = lookup.get(target);
    return a && b ? floatingEndpoints(a, b) : null;
  }, [lookup, source, target, sourceX, sourceY, targetX, targetY]);
}

/** A directed edge drawn border to border, styled by protocol, with its label in SVG (so image export keeps it). */
export const ProtocolEdge = memo(function ProtocolEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const ends = useFloatingEndpoints(props);
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
