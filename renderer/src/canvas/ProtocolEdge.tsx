import { EDGE_LABEL, placeEdgeLabel } from '@shared/export/edgeLayout';
import { edgeLabelText, PROTOCOL_STYLE, protocolOf } from '@shared/export/protocols';
import { baselineOf } from '@shared/export/textMeasure';
import { BaseEdge, type EdgeProps, getStraightPath, useStoreApi } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { canvasMarker } from './EdgeMarkers';
import { boxOf, floatingEndpoints } from './floating';
import type { FlowEdge } from './toFlow';

/**
 * The edge's floating endpoints and its label's place, read from React Flow's
 * node lookup while rendering instead of from a store subscription per edge:
 * every store update runs every subscriber, and at hundreds of edges that was
 * a third of a drag frame's script. No subscription is needed because React
 * Flow's edge wrapper re-renders this edge whenever its handles' positions
 * change, and those move with the nodes' boxes: the source handle's point is
 * the middle of the source's right edge, the target's the middle of the
 * target's bottom edge (ComponentNode.tsx), so moving or resizing either node
 * changes them. The memo below recomputes exactly then (and when the text does).
 */
function useEdgeGeometry(props: EdgeProps<FlowEdge>, text: string) {
  const { source, target, sourceX, sourceY, targetX, targetY } = props;
  const lookup = useStoreApi().getState().nodeLookup;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the handle positions stand for the two nodes' boxes (see above).
  return useMemo(() => {
    const a = lookup.get(source);
    const b = lookup.get(target);
    if (!a || !b) return null;
    const ends = floatingEndpoints(a, b);
    // The same placement as exported pictures: on the line, or beside a line too short to show past it.
    return { ends, label: text ? placeEdgeLabel(text, ends, [boxOf(a), boxOf(b)]) : null };
  }, [lookup, source, target, sourceX, sourceY, targetX, targetY, text]);
}

/** A directed edge drawn border to border, with its protocol's line style and markers, and its label in SVG. */
export const ProtocolEdge = memo(function ProtocolEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, selected } = props;
  const edge = data?.edge;
  const text = edge ? edgeLabelText(edge) : '';
  const geometry = useEdgeGeometry(props, text);
  if (!geometry || !edge) return null;
  const { ends, label } = geometry;
  const [path] = getStraightPath({ sourceX: ends.sx, sourceY: ends.sy, targetX: ends.tx, targetY: ends.ty });
  const protocol = protocolOf(edge);
  const style = PROTOCOL_STYLE[protocol];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={canvasMarker(style.end)}
        markerStart={canvasMarker(style.start)}
        className={`protocol-${protocol}${selected ? ' selected' : ''}`}
        style={{ strokeWidth: selected ? style.width + 1 : style.width, ...(style.dash && { strokeDasharray: style.dash }) }}
        interactionWidth={16}
      />
      {label && (
        <g className="edge-label" data-beside={label.beside || undefined}>
          <rect
            className="react-flow__edge-textbg"
            x={label.x - label.width / 2}
            y={label.y - label.height / 2}
            width={label.width}
            height={label.height}
            rx={EDGE_LABEL.radius}
          />
          <text
            className="react-flow__edge-text"
            x={label.x}
            y={baselineOf(label.y - label.height / 2, label.height, EDGE_LABEL.size)}
            textAnchor="middle"
            fontSize={EDGE_LABEL.size}
          >
            {text}
          </text>
        </g>
      )}
    </>
  );
});
