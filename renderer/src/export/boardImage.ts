import type { ReactFlowInstance } from '@xyflow/react';
import type { StoreApi } from 'zustand';
import type { EditorState } from '../board/editorStore';
import type { FlowEdge, FlowNode } from '../canvas/toFlow';
import { captureBoard } from './capture';
import { type Embedded, embedInPng, embedInSvg } from './embedding';
import { exportFrame, TITLE_BAND } from './geometry';
import type { ExportOptions } from './options';

/** A finished picture of the board, with the board embedded. */
export interface BoardImage {
  readonly format: 'png' | 'svg';
  readonly data: Uint8Array | string;
  readonly mime: 'image/png' | 'image/svg+xml';
  /** Size in pixels (PNG) or CSS pixels (SVG). */
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  /** The requested scale did not fit the browser's canvas; `scale` is the largest that did. */
  readonly clamped: boolean;
}

export interface BoardImageSource {
  readonly flow: ReactFlowInstance<FlowNode, FlowEdge>;
  readonly store: StoreApi<EditorState>;
}

/** A user-facing failure: its message is shown as is. */
export class ExportError extends Error {}

/** Resolves after React has painted (or 100 ms, should frames be paused in a hidden window). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const done = () => resolve();
    setTimeout(done, 100);
    requestAnimationFrame(() => requestAnimationFrame(done));
  });

/**
 * Hides the selection (outlines, thicker selected edges, resize handles)
 * while `fn` runs, then puts it back: a picture shows the design, not the editing.
 */
const withoutSelection = async <T>(store: StoreApi<EditorState>, fn: () => Promise<T>): Promise<T> => {
  const s = store.getState();
  const nodeIds = [...s.selectedNodeIds];
  const edgeIds = [...s.selectedEdgeIds];
  const highlighted = [...s.highlightedIds];
  if (nodeIds.length + edgeIds.length + highlighted.length === 0) return fn();
  s.select({});
  s.highlight([]);
  await afterPaint();
  try {
    return await fn();
  } finally {
    store.getState().select({ nodeIds, edgeIds });
    store.getState().highlight(highlighted);
  }
};

/** Draws the whole board as PNG or SVG and embeds the board (and score) in the file. */
export async function drawBoardImage(
  src: BoardImageSource,
  options: ExportOptions,
  title: string | null,
  embedded: Embedded,
): Promise<BoardImage> {
  const nodes = src.flow.getNodes();
  if (nodes.length === 0) throw new ExportError('The board is empty: add a component before exporting a picture.');
  const bounds = src.flow.getNodesBounds(nodes);
  const band = options.includeTitle && title ? TITLE_BAND : 0;
  const frame = exportFrame(bounds, options.padding, band);
  const pad = Math.max(0, Math.round(options.padding));
  const captured = await withoutSelection(src.store, () =>
    captureBoard({
      format: options.format,
      frame,
      scale: options.scale,
      background: options.background,
      theme: options.theme,
      title: band > 0 && title ? { text: title, x: frame.x + pad, y: frame.y + pad, width: frame.width - 2 * pad } : null,
    }),
  );
  if (captured.format === 'svg')
    return {
      format: 'svg',
      data: embedInSvg(captured.svg, embedded),
      mime: 'image/svg+xml',
      width: captured.width,
      height: captured.height,
      scale: 1,
      clamped: false,
    };
  return {
    format: 'png',
    data: embedInPng(captured.png, embedded),
    mime: 'image/png',
    width: captured.width,
    height: captured.height,
    scale: captured.scale,
    clamped: captured.clamped,
  };
}
