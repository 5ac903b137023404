import { type InternalNode, Panel, type ReactFlowState, useReactFlow, useStoreApi } from '@xyflow/react';
import { type PointerEvent, useEffect, useRef, type WheelEvent } from 'react';
import { fitFrame, type MinimapFrame, toFlowPoint, toMinimap, unionOf, visibleArea } from './minimapFrame';

/** Smaller in a smaller window: the canvas is for the design. */
const SIZE =
  typeof window !== 'undefined' && window.innerWidth < 1440
    ? ({ width: 152, height: 108 } as const)
    : ({ width: 200, height: 150 } as const);

/** The visible area moved: redraw on the next frame, so the minimap follows a pan smoothly. */
const viewChanged = (s: ReactFlowState, p: ReactFlowState) =>
  s.transform !== p.transform || s.width !== p.width || s.height !== p.height;
/**
 * Nodes changed: redraw at most this often. A drag changes them every frame,
 * and a minimap ten times a second is enough to follow it while the frame's
 * budget goes to the canvas itself.
 */
const NODES_REDRAW_MS = 100;

const boxOf = (n: InternalNode) => ({
  x: n.internals.positionAbsolute.x,
  y: n.internals.positionAbsolute.y,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

/**
 * The board's minimap, drawn on a canvas from one store subscription, at most
 * once a frame. React Flow's <MiniMap> renders an SVG rect per node, each its
 * own store subscriber, and on a large board those ran on every drag step
 * (bench/canvas.bench.ts). Click or drag to move the view there; the wheel zooms.
 */
export function BoardMinimap({ colorMode }: { readonly colorMode: 'light' | 'dark' }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const frame = useRef<MinimapFrame | null>(null);
  const store = useStoreApi();
  const flow = useReactFlow();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new colorMode changes the CSS variables read inside.
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = SIZE.width * ratio;
    canvas.height = SIZE.height * ratio;
    // Colours follow the theme (React Flow's minimap variables and ours).
    const css = getComputedStyle(canvas);
    const colour = (name: string) => css.getPropertyValue(name).trim();
    const node = colour('--minimap-node');
    const mask = colour('--minimap-mask');
    let pending = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let drawnAt = 0;
    const draw = () => {
      pending = 0;
      drawnAt = performance.now();
      const s = store.getState();
      const view = visibleArea(s.transform, s.width, s.height);
      const boxes = [...s.nodeLookup.values()]
        .filter((n) => !n.hidden)
        .map((n) => ({ box: boxOf(n), group: n.type === 'group' }));
      const f = fitFrame(unionOf([view, ...boxes.map((b) => b.box)]) ?? view, SIZE);
      frame.current = f;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, SIZE.width, SIZE.height);
      ctx.fillStyle = node;
      for (const b of boxes) {
        if (b.group) continue; // frames only outline an area; their components are drawn
        const r = toMinimap(f, b.box);
        ctx.fillRect(r.x, r.y, Math.max(r.width, 1), Math.max(r.height, 1));
      }
      // Shade everything outside the visible area.
      const v = toMinimap(f, view);
      ctx.beginPath();
      ctx.rect(0, 0, SIZE.width, SIZE.height);
      ctx.rect(v.x, v.y, v.width, v.height);
      ctx.fillStyle = mask;
      ctx.fill('evenodd');
    };
    const redraw = () => {
      timer = undefined;
      if (!pending) pending = requestAnimationFrame(draw);
    };
    draw();
    const unsubscribe = store.subscribe((s, p) => {
      if (viewChanged(s, p)) redraw();
      else if (s.nodes !== p.nodes && !timer && !pending)
        timer = setTimeout(redraw, Math.max(0, drawnAt + NODES_REDRAW_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(pending);
      clearTimeout(timer);
    };
  }, [store, colorMode]);

  const centreAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const f = frame.current;
    if (!f) return;
    const r = e.currentTarget.getBoundingClientRect();
    const p = toFlowPoint(f, e.clientX - r.left, e.clientY - r.top);
    void flow.setCenter(p.x, p.y, { zoom: flow.getZoom() });
  };
  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    // React Flow clamps to the canvas's minZoom and maxZoom.
    void flow.zoomTo(flow.getZoom() * 2 ** (-e.deltaY * 0.002));
  };

  return (
    <Panel position="bottom-right" className="board-minimap">
      <canvas
        ref={ref}
        role="img"
        aria-label="Minimap"
        style={SIZE}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          centreAt(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
        }}
        onWheel={onWheel}
      />
    </Panel>
  );
}
