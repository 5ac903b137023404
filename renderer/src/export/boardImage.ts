import type { Board } from '@shared/board/types';
import { boardSvgFile, embeddedFor } from '@shared/export/picture';
import { ExportError } from '@shared/export/renderSvg';
import { fitScale } from '@shared/export/scale';
import type { ScoreResult } from '@shared/rules/types';
import type { ExportOptions } from './options';
import { rasterizeSvg, recordTimings } from './rasterize';

export { ExportError };

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
  /** The SVG the picture was drawn from (a PNG's source), with the board in its metadata. */
  readonly svg: string;
}

/**
 * Draws the whole board from the board model alone (shared/export), never
 * from the page: the canvas, its theme, selection and viewport are not
 * touched, so exporting changes nothing anyone sees. A PNG is the same SVG
 * rasterised by the browser, with the board in an iTXt chunk.
 */
export async function drawBoardImage(
  board: Board,
  options: ExportOptions,
  title: string | null,
  score?: ScoreResult,
): Promise<BoardImage> {
  const t0 = performance.now();
  const drawn = boardSvgFile(
    board,
    {
      theme: options.theme,
      background: options.background,
      padding: options.padding,
      title: options.includeTitle ? title : null,
      legend: options.includeLegend,
    },
    score,
  );
  const base = { svg: drawn.svg, width: drawn.width, height: drawn.height };
  if (options.format === 'svg')
    return { ...base, format: 'svg', data: drawn.svg, mime: 'image/svg+xml', scale: 1, clamped: false };
  const fit = fitScale(drawn.width, drawn.height, options.scale);
  // The drawing says its own size; scale it by giving the image the pixel size wanted.
  const t1 = performance.now();
  const raster = await rasterizeSvg(drawn.svg, fit.pixelWidth, fit.pixelHeight, embeddedFor(board, score));
  if (!raster)
    throw new ExportError(
      `The browser could not draw a ${fit.pixelWidth} × ${fit.pixelHeight} px picture; try a smaller scale or SVG.`,
    );
  const { png, ...breakdown } = raster;
  recordTimings({ svgMs: t1 - t0, rasterMs: performance.now() - t1, svgChars: drawn.svg.length, ...breakdown });
  return {
    ...base,
    format: 'png',
    data: png,
    mime: 'image/png',
    width: fit.pixelWidth,
    height: fit.pixelHeight,
    scale: fit.scale,
    clamped: fit.clamped,
  };
}
