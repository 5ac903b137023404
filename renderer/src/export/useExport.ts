import { readBoard } from '@shared/board/doc';
import { ATTEMPTS_FILE_EXTENSION } from '@shared/interview/attemptFile';
import { readTimer } from '@shared/interview/timerDoc';
import { embeddedReplay, type ReportInput } from '@shared/report';
import { useMemo } from 'react';
import { create } from 'zustand';
import { useBoardSession } from '../board/context';
import { useHistoryService } from '../interview/historyStore';
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

/** "design.archdrill.json" (or the picture "design.png" it was opened from) → "design"; no file → the question id, or "design". */
const baseNameOf = (fileName: string | null, question: string | undefined) =>
  (fileName?.replace(/(\.archdrill)?\.json$|\.png$|\.svg$/i, '') || question || 'design').replace(/[\\/:*?"<>|]+/g, '-');

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
  const history = useHistoryService();
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

    /**
     * The attempt the report is of (given, or the board's last mock) as its file with the replay, when it
     * is in History. A report without its replay is still worth having, so a failure only says so.
     */
    const replayFile = async (base: string, board: ReportInput['board'], given: string | undefined) => {
      // The timer outlives opening another board: its attempt is this board's only when the question matches.
      const fromTimer = () => {
        const id = readTimer(doc).attemptId;
        const record = history.state.getState().attempts.find((a) => a.id === id);
        return record && record.question === (board.question ?? '') ? id : null;
      };
      if (!history.state.getState().loaded) await history.load().catch(() => undefined);
      const attemptId = given ?? fromTimer();
      if (!attemptId) return null;
      try {
        const text = await history.attemptFile(attemptId);
        return text === null ? null : { name: `${base}-replay${ATTEMPTS_FILE_EXTENSION}`, text };
      } catch (err) {
        toast.error(`Could not add the replay to the report: ${messageOf(err)}`);
        return null;
      }
    };

    /** `attemptId`: the attempt the report is of (from History); by default the board's last mock. */
    const exportReport = (kind: ReportKind, attemptId?: string) =>
      attempt(`Exporting the ${kind === 'md' ? 'Markdown' : kind.toUpperCase()} report`, async () => {
        const input = await gather();
        const base = baseNameOf(fileName, input.board.question);
        // A printed page cannot carry a file: the PDF goes without the replay.
        const replay = kind === 'pdf' ? null : await replayFile(base, input.board, attemptId);
        // Markdown links a PNG beside it; HTML (and the PDF printed from it) shows the SVG itself.
        const pictureOptions = kind === 'md' ? REPORT_IMAGE_OPTIONS : { ...REPORT_IMAGE_OPTIONS, format: 'svg' as const };
        const image = input.board.nodes.length > 0 ? await draw(input, pictureOptions) : null;
        if (kind === 'md') {
          const saved = await saveMarkdownReport(platform, base, input, image, replay);
          return (
            saved &&
            `Exported ${saved.name}${image || replay ? ` and ${image && replay ? 'its picture and replay' : image ? 'its picture' : 'its replay'}` : ''}.`
          );
        }
        const link = replay && embeddedReplay(replay.name, replay.text);
        const html = htmlReport(input, image, link);
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
        const tooLarge = link && !link.href ? ' The replay is too large to carry in it: send the attempt file too.' : '';
        return saved && `Exported ${saved.name}${link?.href ? ', with its replay' : ''}.${tooLarge}`;
      });

    /** Draws a PNG without saving it: for the benchmark and tests (window.__archdrill). */
    const renderPng = async (options: Partial<ExportOptions> = {}) =>
      draw(await gather(), { ...loadExportOptions(), ...options, format: 'png' });

    return { exportImage, copyImage, exportReport, renderPng, canPdf: platform.printToPdf !== undefined };
  }, [doc, platform, history, fileName, reportSource]);
}

export type Exporter = ReturnType<typeof useExport>;
