import { encodeBoard } from '../board/codec';
import { type Embedded, embedInSvg, type ScoreSummary } from '../board/image/embedded';
import type { Board } from '../board/types';
import type { ScoreResult } from '../rules/types';
import { renderBoardSvg, type SvgOptions } from './renderSvg';

/** The scorecard summary embedded in exported images. */
export const scoreSummary = (score: ScoreResult): ScoreSummary => ({
  rubric: score.rubricId,
  percent: score.percent,
  band: score.band,
  earned: score.earned,
  possible: score.possible,
  steps: Object.fromEntries(score.steps.map((s) => [s.step, s.percent])),
  missed: score.rules.filter((r) => !r.passed).map((r) => r.id),
});

/** What goes inside an exported picture of `board`. */
export const embeddedFor = (board: Board, score?: ScoreResult): Embedded => ({
  board: encodeBoard(board),
  ...(score && { score: scoreSummary(score) }),
});

/**
 * The exported SVG file: the drawing with the board (and score summary) in
 * its <metadata>, so opening the picture reopens the board. Also the source a
 * PNG is rasterised from (its own embedding then goes in an iTXt chunk).
 */
export const boardSvgFile = (board: Board, options: SvgOptions, score?: ScoreResult) => {
  const drawn = renderBoardSvg(board, options);
  return { ...drawn, svg: embedInSvg(drawn.svg, embeddedFor(board, score)) };
};

/** Report pictures: light, on white, no title (the report has its own heading). */
export const REPORT_PICTURE: SvgOptions = { theme: 'light', background: 'white', padding: 24, title: null, legend: true };

/** An SVG as a data URL for an `<img>` (no base64: smaller and readable). */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
