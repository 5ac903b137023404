import { readBoard } from '@shared/board/doc';
import type { ReportInput } from '@shared/report';
import { useMemo } from 'react';
import { create } from 'zustand';
import { useBoardSession } from '../board/context';
import { toast } from '../ui/toasts';
import { type BoardImage, drawBoardImage, ExportError } from './boardImage';
import { type ExportOptions, type ImageFormat, loadExportOptions } from './options';
import { htmlReport, REPORT_IMAGE_OPTIONS, saveMarkdownReport } from './reportFiles';
import { builtInReportSource, type ReportSource } from './reportSource';

/** Boards with more components than this show a progress message while they are drawn. */
const LARGE_BOARD = 80;

/** Whether the export dialog is open, and with which format; shortcuts and menus open it from anywhere. */
export const useExportDialog = create<{ open: boolean; format: ImageFormat | null }>()(() => ({ open: false, format: null }));
export const openExportDialog = (format?: ImageFormat) => useExportDialog.setState({ open: true, format: format ?? null });
export const closeExportDialog = () => useExportDialog.setState({ open: false, format: null });

export type ReportKind = 'html' | 'md' | 'pdf';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** "design.archdrill.json" → "design"; no file → the question id, or "design". */
const baseNameOf = (fileName: string | null, question: string | undefined) =>
  (fileName?.replace(/(\.archdrill)?\.json$/i, '') || question || 'design').replace(/[\\/:*?"<>|]+/g, '-');

const clampedNote = (img: BoardImage, requested: number) =>
  img.clamped
    ? ` The board is too large for ${requested}× in this browser, so it was exported at ${img.scale}× (${img.width} × ${img.height} px); SVG keeps every detail at any size.`
    : '';

/**
 * Export commands for the open board: pictures (PNG/SVG, with the board
 * inside), the clipboard, and reports (HTML, Markdown + PNG, PDF on desktop).
 * Each reports its own outcome in a toast and resolves true on success.
 */
export function useExport(fileName: string | null, reportSource?: ReportSource) {
  const { doc, platform } = useBoardSession();
  return useMemo(() => {
    const source = reportSource ?? builtInReportSource(doc);
    const gather = async (): Promise<ReportInput> => {
      const board = readBoard(doc);
      let extras = {};
      try {
        extras = await source(board);
      } catch (err) {
        // A report without its score is still worth having; say why the score is missing.
        toast.error(`Could not score the board for the export: ${messageOf(err)}`);
      }
      return { board, ...extras, generatedAt: new Date().toLocaleString() };
    };
    const draw = (input: ReportInput, options: ExportOptions) =>
      drawBoardImage(input.board, options, input.question?.title ?? input.board.question ?? null, input.score);
    /** Runs `fn` with a progress message for a large board and an error message on failure. */
    const attempt = async (what: string, fn: () => Promise<string | null>): Promise<boolean> => {
      const progress = doc.getMap('nodes').size > LARGE_BOARD ? toast.progress(`${what}…`) : null;
      try {
        const done = await fn();
        if (done) toast.info(done);
        return done !== null;
      } catch (err) {
        toast.error(err instanceof ExportError ? err.message : `${what} failed: ${messageOf(err)}`);
        return false;
      } finally {
        if (progress !== null) toast.dismiss(progress);
      }
    };

    const exportImage = (options: ExportOptions) =>
      attempt(`Exporting ${options.format.toUpperCase()}`, async () => {
        const input = await gather();
        const img = await draw(input, options);
        const name = `${baseNameOf(fileName, input.board.question)}.${img.format}`;
        const saved = await platform.saveFile({ suggestedName: name, data: img.data, mime: img.mime, saveAs: true });
        return saved && `Exported ${saved.name}.${clampedNote(img, options.scale)}`;
      });

    const copyImage = (options: ExportOptions = loadExportOptions()) =>
      attempt('Copying the image', async () => {
        const img = await draw(await gather(), { ...options, format: 'png' });
        if (typeof img.data === 'string') throw new Error('expected a PNG');
        await platform.copyImage(new Blob([new Uint8Array(img.data)], { type: 'image/png' }));
        return `Copied the board as an image.${clampedNote(img, options.scale)}`;
      });

    const exportReport = (kind: ReportKind) =>
      attempt(`Exporting the ${kind === 'md' ? 'Markdown' : kind.toUpperCase()} report`, async () => {
        const input = await gather();
        const base = baseNameOf(fileName, input.board.question);
        // Markdown links a PNG beside it; HTML (and the PDF printed from it) shows the SVG itself.
        const pictureOptions = kind === 'md' ? REPORT_IMAGE_OPTIONS : { ...REPORT_IMAGE_OPTIONS, format: 'svg' as const };
        const image = input.board.nodes.length > 0 ? await draw(input, pictureOptions) : null;
        if (kind === 'md') {
          const saved = await saveMarkdownReport(platform, base, input, image);
          return saved && `Exported ${saved.name} and its picture.`;
        }
        const html = htmlReport(input, image);
        if (kind === 'pdf') {
          if (!platform.printToPdf)
            throw new ExportError('PDF export needs the desktop app; export the HTML report and print it from the browser.');
          const saved = await platform.printToPdf(html, `${base}-report.pdf`);
          return saved && `Exported ${saved.name}.`;
        }
        const saved = await platform.saveFile({
          suggestedName: `${base}-report.html`,
          data: html,
          mime: 'text/html',
          saveAs: true,
        });
        return saved && `Exported ${saved.name}.`;
      });

    /** Draws a PNG without saving it: for the benchmark and tests (window.__archdrill). */
    const renderPng = async (options: Partial<ExportOptions> = {}) =>
      draw(await gather(), { ...loadExportOptions(), ...options, format: 'png' });

    return { exportImage, copyImage, exportReport, renderPng, canPdf: platform.printToPdf !== undefined };
  }, [doc, platform, fileName, reportSource]);
}

export type Exporter = ReturnType<typeof useExport>;
