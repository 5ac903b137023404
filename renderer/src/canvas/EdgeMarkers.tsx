import { MARKER_BOX, MARKER_SHAPES, type MarkerShape, markerId } from '@shared/export/protocols';

/** Id prefix of the canvas's markers (exports use their own, so an inlined picture never clashes). */
export const CANVAS_MARKERS = 'ad-canvas';

export const canvasMarker = (shape: MarkerShape | undefined) => (shape ? `url(#${markerId(CANVAS_MARKERS, shape)})` : undefined);

/**
 * The arrowheads of every protocol, defined once for the page: the same shapes
 * and box as the exported SVG's markers, coloured by the theme's variables.
 */
export function EdgeMarkers() {
  const B = MARKER_BOX;
  return (
    <svg className="edge-markers" aria-hidden width={0} height={0} style={{ position: 'absolute' }}>
      <defs>
        {(Object.keys(MARKER_SHAPES) as MarkerShape[]).map((shape) => {
          const { d, fill } = MARKER_SHAPES[shape];
          const paint = fill
            ? { fill: 'var(--edge)', stroke: 'var(--edge)', strokeWidth: 1 }
            : { fill: shape === 'hollow' ? 'var(--panel)' : 'none', stroke: 'var(--edge)', strokeWidth: B.outline };
          return (
            <marker
              key={shape}
              id={markerId(CANVAS_MARKERS, shape)}
              viewBox={B.viewBox}
              refX={0}
              refY={0}
              markerWidth={B.width}
              markerHeight={B.height}
              markerUnits={B.units}
              orient={B.orient}
            >
              <path d={d} style={paint} strokeLinejoin="round" strokeLinecap="round" />
            </marker>
          );
        })}
      </defs>
    </svg>
  );
}
