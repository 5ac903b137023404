import { REPORT_PICTURE, svgDataUrl } from '@shared/export/picture';
import { type ReportInput, type ReportReplay, replayBeside, reportHtml, reportMarkdown } from '@shared/report';
import type { Platform, SavedFile } from '../platform/types';
import type { BoardImage } from './boardImage';
import type { ExportOptions } from './options';

/** The picture in a report: the shared report look (light, on white, no title), as a 2× PNG for Markdown. */
export const REPORT_IMAGE_OPTIONS: ExportOptions = {
  format: 'png',
  scale: 2,
  background: REPORT_PICTURE.background,
  padding: REPORT_PICTURE.padding,
  theme: REPORT_PICTURE.theme,
  includeTitle: false,
  includeLegend: REPORT_PICTURE.legend !== false,
};

/** Shown by the picture at its board size; a 2× PNG stays sharp at half its pixel size. */
const displaySize = (image: BoardImage | null) =>
  image ? { width: Math.round(image.width / image.scale), height: Math.round(image.height / image.scale) } : {};

/** The HTML report (and the PDF printed from it) shows the SVG itself: crisp at any zoom and in print. */
export const htmlReport = (input: ReportInput, image: BoardImage | null, replay: ReportReplay | null = null): string =>
  reportHtml(input, image ? { src: svgDataUrl(image.svg), ...displaySize(image) } : null, replay);

/** The directory part of a platform path, with its separator (`/` or `\`). */
const dirOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** The attempt file a report links to: its name and text. */
export interface ReplayFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Saves the Markdown report, then its picture and (for an attempt) its replay
 * file beside it under the names the Markdown links to. In the browser they
 * are downloads.
 */
export async function saveMarkdownReport(
  platform: Platform,
  base: string,
  input: ReportInput,
  image: BoardImage | null,
  replay: ReplayFile | null = null,
): Promise<SavedFile | null> {
  const imageName = `${base}-report.png`;
  const md = reportMarkdown(
    input,
    image ? { src: imageName, ...displaySize(image) } : null,
    replay && replayBeside(replay.name, replay.text),
  );
  const saved = await platform.saveFile({ suggestedName: `${base}-report.md`, data: md, mime: 'text/markdown', saveAs: true });
  if (!saved) return saved;
  const beside = async (name: string, data: string | Uint8Array, mime: string, what: string) => {
    try {
      await platform.saveFile({
        suggestedName: name,
        data,
        mime,
        ...(saved.path && { path: `${dirOf(saved.path)}${name}`, saveAs: false }),
      });
    } catch (err) {
      throw new Error(
        `${saved.name} was saved, but its ${what} ${name} could not be: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
  if (image) await beside(imageName, image.data, image.mime, 'picture');
  if (replay) await beside(replay.name, replay.text, 'application/json', 'replay');
  return saved;
}
