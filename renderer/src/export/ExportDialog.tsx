import { readBoard } from '@shared/board/doc';
import { renderBoardSvg } from '@shared/export/renderSvg';
import { fitScale } from '@shared/export/scale';
import { useMemo, useState } from 'react';
import { useBoardSession } from '../board/context';
import { Modal } from '../ui/Modal';
import { type ExportOptions, loadExportOptions, saveExportOptions } from './options';
import type { Exporter, ReportKind } from './useExport';
import './export.css';

interface ExportDialogProps {
  readonly exporter: Exporter;
  /** Preselects a format (menu "Export PNG…" / "Export SVG…"). */
  readonly format: ExportOptions['format'] | null;
  /** The question's title, offered as the picture's heading. */
  readonly title: string | null;
  readonly onClose: () => void;
}

/** The picture's size in pixels for these options, and whether the scale had to be lowered. */
function usePreviewSize(options: ExportOptions, title: string | null) {
  const { doc } = useBoardSession();
  // The board as it is when the dialog opens: the size is drawn by the exporter itself, so it is the file's size.
  const board = useMemo(() => readBoard(doc), [doc]);
  const { padding, includeTitle, includeLegend } = options;
  const drawn = useMemo(
    () =>
      board.nodes.length === 0
        ? null
        : renderBoardSvg(board, {
            theme: 'light',
            background: 'transparent',
            padding,
            title: includeTitle ? title : null,
            legend: includeLegend,
          }),
    [board, padding, includeTitle, includeLegend, title],
  );
  if (!drawn) return null;
  if (options.format === 'svg') return { width: drawn.width, height: drawn.height, scale: 1, clamped: false };
  const fit = fitScale(drawn.width, drawn.height, options.scale);
  return { width: fit.pixelWidth, height: fit.pixelHeight, scale: fit.scale, clamped: fit.clamped };
}

/** Export options (format, scale, background, padding, theme, title) and the export, copy and report actions. */
export function ExportDialog({ exporter, format, title, onClose }: ExportDialogProps) {
  const [options, setOptions] = useState<ExportOptions>(() => ({ ...loadExportOptions(), ...(format && { format }) }));
  const [busy, setBusy] = useState(false);
  const size = usePreviewSize(options, title);
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => {
    const next = { ...options, [key]: value };
    setOptions(next);
    saveExportOptions(next);
  };
  const run = async (fn: () => Promise<boolean>, closeOnSuccess: boolean) => {
    setBusy(true);
    const ok = await fn();
    setBusy(false);
    if (ok && closeOnSuccess) onClose();
  };
  const report = (kind: ReportKind) => run(() => exporter.exportReport(kind), true);
  const png = options.format === 'png';

  return (
    <Modal title="Export" onClose={onClose}>
      <div className="export-dialog" data-testid="export-dialog" aria-busy={busy}>
        <fieldset className="export-row">
          <legend>Picture</legend>
          {(['png', 'svg'] as const).map((f) => (
            <label key={f} className="export-choice">
              <input
                type="radio"
                name="export-format"
                checked={options.format === f}
                onChange={() => set('format', f)}
                data-testid={`export-format-${f}`}
              />
              {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <div className="export-grid">
          <label>
            Scale
            <select
              value={options.scale}
              disabled={!png}
              onChange={(e) => set('scale', Number(e.target.value) as ExportOptions['scale'])}
              data-testid="export-scale"
              title={png ? undefined : 'SVG is drawn at any size'}
            >
              <option value={1}>1×</option>
              <option value={2}>2×</option>
              <option value={3}>3×</option>
            </select>
          </label>
          <label>
            Background
            <select
              value={options.background}
              onChange={(e) => set('background', e.target.value as ExportOptions['background'])}
              data-testid="export-background"
            >
              <option value="theme">Theme colour</option>
              <option value="white">White</option>
              <option value="transparent">Transparent</option>
            </select>
          </label>
          <label>
            Theme
            <select
              value={options.theme}
              onChange={(e) => set('theme', e.target.value as ExportOptions['theme'])}
              data-testid="export-theme"
            >
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label>
            Padding (px)
            <input
              type="number"
              min={0}
              max={400}
              step={8}
              value={options.padding}
              onChange={(e) => set('padding', Math.min(400, Math.max(0, Math.round(Number(e.target.value) || 0))))}
              data-testid="export-padding"
            />
          </label>
        </div>
        <label className="export-choice">
          <input
            type="checkbox"
            checked={options.includeTitle && title !== null}
            disabled={title === null}
            onChange={(e) => set('includeTitle', e.target.checked)}
            data-testid="export-title"
          />
          {title ? `Title above the board: “${title}”` : 'Title above the board (a free design has none)'}
        </label>
        <label className="export-choice">
          <input
            type="checkbox"
            checked={options.includeLegend}
            onChange={(e) => set('includeLegend', e.target.checked)}
            data-testid="export-legend"
          />
          Legend of the protocols’ line styles (when edges have protocols)
        </label>
        <p className="export-size muted small" data-testid="export-size" role="status">
          {size
            ? `${size.width} × ${size.height} px${png ? ` at ${size.scale}×` : ''}; the editable board is saved inside the file.`
            : 'The board is empty: add a component to export a picture.'}
        </p>
        {size?.clamped && (
          <p className="export-warning small" data-testid="export-clamped">
            Too large for {options.scale}× in this browser: it will be exported at {size.scale}×. SVG keeps every detail.
          </p>
        )}
        <div className="export-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || !size}
            onClick={() => run(() => exporter.exportImage(options), true)}
            data-testid="export-download"
          >
            Export {options.format.toUpperCase()}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || !size}
            onClick={() => run(() => exporter.copyImage(options), false)}
            data-testid="export-copy"
          >
            Copy image
          </button>
        </div>
        <fieldset className="export-row">
          <legend>Report of the attempt</legend>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => report('html')}
            data-testid="export-report-html"
          >
            HTML
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => report('md')} data-testid="export-report-md">
            Markdown + PNG
          </button>
          {exporter.canPdf && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => report('pdf')}
              data-testid="export-report-pdf"
            >
              PDF
            </button>
          )}
        </fieldset>
      </div>
    </Modal>
  );
}
