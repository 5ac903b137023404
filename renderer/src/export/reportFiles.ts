import { type ReportInput, reportHtml, reportMarkdown } from '@shared/report';
import type { ScoreResult } from '@shared/rules/types';
import type { Platform, SavedFile } from '../platform/types';
import type { BoardImage } from './boardImage';
import type { ExportOptions } from './options';

/** The picture in a report: light, on white, crisp when printed, no title (the report has its own). */
export const REPORT_IMAGE_OPTIONS: ExportOptions = {
  format: 'png',
  scale: 2,
  background: 'white',
  padding: 24,
  theme: 'light',
  includeTitle: false,
};

const bytesToBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The scorecard summary embedded in exported images (one small JSON object). */
export const scoreSummary = (score: ScoreResult | undefined): string | undefined =>
  score &&
  JSON.stringify({
    rubric: score.rubricId,
    percent: score.percent,
    band: score.band,
    earned: score.earned,
    possible: score.possible,
    steps: Object.fromEntries(score.steps.map((s) => [s.step, s.percent])),
    missed: score.rules.filter((r) => !r.passed).map((r) => r.id),
  });

/** Shown by the picture at its pixel size; a display size of half that keeps a 2× picture sharp. */
const displaySize = (image: BoardImage | null) =>
  image ? { width: Math.round(image.width / image.scale), height: Math.round(image.height / image.scale) } : {};

export const htmlReport = (input: ReportInput, image: BoardImage | null): string =>
  reportHtml(
    input,
    image && typeof image.data !== 'string'
      ? { src: `data:image/png;base64,${bytesToBase64(image.data)}`, ...displaySize(image) }
      : null,
  );

/** The directory part of a platform path, with its separator (`/` or `\`). */
const dirOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * Saves the Markdown report, then its picture beside it under the name the
 * Markdown links to. In the browser both are downloads.
 */
export async function saveMarkdownReport(
  platform: Platform,
  base: string,
  input: ReportInput,
  image: BoardImage | null,
): Promise<SavedFile | null> {
  const imageName = `${base}-report.png`;
  const md = reportMarkdown(input, image ? { src: imageName, ...displaySize(image) } : null);
  const saved = await platform.saveFile({ suggestedName: `${base}-report.md`, data: md, mime: 'text/markdown', saveAs: true });
  if (!saved || !image) return saved;
  try {
    await platform.saveFile({
      suggestedName: imageName,
      data: image.data,
      mime: image.mime,
      ...(saved.path && { path: `${dirOf(saved.path)}${imageName}`, saveAs: false }),
    });
  } catch (err) {
    throw new Error(
      `${saved.name} was saved, but its picture ${imageName} could not be: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return saved;
}
