import { snapshotSvg } from './domSnapshot';
import { fitScale, type Rect } from './geometry';
import type { ImageFormat } from './options';

/** What to draw: a frame in flow coordinates, how, and with which theme. */
export interface CaptureRequest {
  readonly format: ImageFormat;
  /** The exported area in flow coordinates (exportFrame). */
  readonly frame: Rect;
  readonly scale: number;
  readonly background: 'theme' | 'white' | 'transparent';
  readonly theme: 'light' | 'dark';
  /** Drawn in the band above the board, or nothing. */
  readonly title: { readonly text: string; readonly x: number; readonly y: number; readonly width: number } | null;
}

export type Captured =
  | {
      readonly format: 'png';
      readonly png: Uint8Array;
      readonly width: number;
      readonly height: number;
      readonly scale: number;
      readonly clamped: boolean;
    }
  | {
      readonly format: 'svg';
      readonly svg: string;
      readonly width: number;
      readonly height: number;
      readonly scale: number;
      readonly clamped: false;
    };

/** Interactive chrome that has no place in a picture of the design. */
const EXCLUDED = [
  'react-flow__handle',
  'react-flow__resize-control',
  'react-flow__nodesselection',
  'react-flow__edgeupdater',
  // The invisible, wide hit area of each edge: only size in a file.
  'react-flow__edge-interaction',
  'react-flow__selection',
  // Partners' cursors live in the viewport too.
  'remote-cursor',
];
const EXCLUDED_SELECTOR = EXCLUDED.map((c) => `.${c}`).join(', ');

/**
 * Temporarily shows the page in `theme` (CSS variables follow `data-theme`;
 * React Flow's own colours follow its `dark` class) and returns the undo.
 * The capture copies computed styles, so this is what makes a dark export from a light editor.
 */
const applyTheme = (theme: 'light' | 'dark', flowRoot: HTMLElement | null): (() => void) => {
  const root = document.documentElement;
  const prev = root.dataset.theme;
  const prevDark = flowRoot?.classList.contains('dark') ?? false;
  root.dataset.theme = theme;
  root.dataset.exporting = 'true';
  flowRoot?.classList.toggle('dark', theme === 'dark');
  flowRoot?.classList.toggle('light', theme === 'light');
  return () => {
    if (prev === undefined) delete root.dataset.theme;
    else root.dataset.theme = prev;
    delete root.dataset.exporting;
    flowRoot?.classList.toggle('dark', prevDark);
    flowRoot?.classList.toggle('light', !prevDark);
  };
};

/** A title element placed in flow coordinates inside the viewport, so the capture draws it with the board. */
const addTitle = (viewport: HTMLElement, title: NonNullable<CaptureRequest['title']>): (() => void) => {
  const el = document.createElement('div');
  el.className = 'export-title';
  el.textContent = title.text;
  Object.assign(el.style, { left: `${title.x}px`, top: `${title.y}px`, width: `${title.width}px` });
  viewport.append(el);
  return () => el.remove();
};

/** Where the last PNG capture spent its time: copying the DOM into an SVG, then drawing and encoding it. */
export let lastCaptureTimings: { cloneMs: number; rasterMs: number; svgChars: number } | null = null;

/**
 * Draws an SVG (data URL) on a canvas of exactly `width × height` pixels and
 * encodes it as PNG. The SVG paints its own background, so the canvas is not
 * filled first (at 2× of a large board that fill alone costs ~70 ms).
 */
const rasterize = async (svgUrl: string, width: number, height: number) => {
  const img = new Image();
  img.decoding = 'sync';
  img.src = svgUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
};

/**
 * Draws the whole board (not the visible part) from React Flow's viewport
 * element, given a transform that puts `frame` at the origin: React Flow's own
 * "download image" recipe, with a copy of the DOM and the page's style sheets
 * (domSnapshot.ts) in place of html-to-image's per-element computed styles.
 */
export async function captureBoard(req: CaptureRequest): Promise<Captured> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on screen, so there is nothing to draw.');
  const flowRoot = viewport.closest<HTMLElement>('.react-flow');
  const { frame } = req;
  const fitted = req.format === 'png' ? fitScale(frame.width, frame.height, req.scale) : null;
  const restoreTheme = applyTheme(req.theme, flowRoot);
  const removeTitle = req.title ? addTitle(viewport, req.title) : () => {};
  try {
    const background =
      req.background === 'transparent'
        ? undefined
        : req.background === 'white'
          ? '#ffffff'
          : getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim() || '#ffffff';
    const t0 = performance.now();
    const svg = await snapshotSvg(viewport, {
      width: frame.width,
      height: frame.height,
      exclude: EXCLUDED_SELECTOR,
      // Part of the picture, SVG and PNG alike; none leaves it transparent.
      ...(background && { background }),
      style: {
        width: `${frame.width}px`,
        height: `${frame.height}px`,
        transform: `translate(${-frame.x}px, ${-frame.y}px) scale(1)`,
      },
    });
    if (!fitted) return { format: 'svg', svg, width: frame.width, height: frame.height, scale: 1, clamped: false };
    const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    const t1 = performance.now();
    const blob = await rasterize(svgUrl, fitted.pixelWidth, fitted.pixelHeight);
    lastCaptureTimings = { cloneMs: t1 - t0, rasterMs: performance.now() - t1, svgChars: svgUrl.length };
    if (!blob || blob.size === 0)
      throw new Error(
        `The browser could not draw a ${fitted.pixelWidth} × ${fitted.pixelHeight} px picture; try a smaller scale or SVG.`,
      );
    return {
      format: 'png',
      png: new Uint8Array(await blob.arrayBuffer()),
      width: fitted.pixelWidth,
      height: fitted.pixelHeight,
      scale: fitted.scale,
      clamped: fitted.clamped,
    };
  } finally {
    removeTitle();
    restoreTheme();
  }
}
