import { PROTOCOL_STYLE, protocolsUsed } from '@shared/export/protocols';
import { Panel, type ReactFlowState, useStore } from '@xyflow/react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { useState } from 'react';
import { canvasMarker } from './EdgeMarkers';
import type { FlowEdge } from './toFlow';

/**
 * The protocols the board's edges use, as one string so the legend re-renders
 * only when that set changes. The selector runs on every store update (each
 * drag frame), so it is worked out again only for a new edge list.
 */
const usedKeys = new WeakMap<ReactFlowState['edges'], string>();
const usedKey = (s: ReactFlowState) => {
  let key = usedKeys.get(s.edges);
  if (key === undefined) {
    key = protocolsUsed((s.edges as FlowEdge[]).flatMap((e) => (e.data ? [e.data.edge] : []))).join(' ');
    usedKeys.set(s.edges, key);
  }
  return key;
};

/**
 * A key to the line styles of the protocols on the board (the exported
 * pictures draw the same one): each protocol is told apart by its line and
 * arrowhead, not only by its label. Folds away to one button.
 */
export function ProtocolLegend() {
  const key = useStore(usedKey);
  const [open, setOpen] = useState(true);
  if (!key) return null;
  const used = key.split(' ') as (keyof typeof PROTOCOL_STYLE)[];
  return (
    <Panel position="top-left" className="protocol-legend" data-testid="protocol-legend">
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title={open ? 'Hide the legend' : 'Show the legend'}
      >
        Legend {open ? <ChevronUp size={12} aria-hidden /> : <ChevronDown size={12} aria-hidden />}
      </button>
      {open && (
        <ul>
          {used.map((p) => {
            const s = PROTOCOL_STYLE[p];
            return (
              <li key={p} title={s.meaning}>
                <svg width={34} height={12} aria-hidden>
                  <path
                    d={`M${s.start ? 8 : 2},6H30`}
                    className="react-flow__edge-path"
                    strokeWidth={s.width}
                    strokeDasharray={s.dash}
                    markerEnd={canvasMarker(s.end)}
                    markerStart={canvasMarker(s.start)}
                  />
                </svg>
                <span>{s.label}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
