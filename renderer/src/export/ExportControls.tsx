import { ImageDown } from 'lucide-react';
import { useEffect } from 'react';
import { ExportDialog } from './ExportDialog';
import { lastTimings } from './rasterize';
import { closeExportDialog, type Exporter, openExportDialog, useExportDialog } from './useExport';

declare global {
  interface Window {
    /** Test and benchmark hooks, present only with `?testhooks=1` in the URL. */
    __archdrill?: Record<string, unknown>;
  }
}

/** The toolbar's Export button and the dialog it opens (also opened by Ctrl+Shift+E and the menu). */
export function ExportControls({ exporter, title }: { exporter: Exporter; title: string | null }) {
  const { open, format } = useExportDialog();
  useEffect(() => {
    if (!new URLSearchParams(location.search).has('testhooks')) return;
    window.__archdrill = {
      ...window.__archdrill,
      renderPng: async (options: Parameters<Exporter['renderPng']>[0]) => {
        const img = await exporter.renderPng(options);
        return {
          width: img.width,
          height: img.height,
          scale: img.scale,
          clamped: img.clamped,
          bytes: img.data.length,
          ...lastTimings,
        };
      },
      /** The PNG file itself (base64) and how it was drawn, for comparing the exporter's paths. */
      renderPngBase64: async (options: Parameters<Exporter['renderPng']>[0]) => {
        const { data } = await exporter.renderPng(options);
        if (typeof data === 'string') throw new Error('expected a PNG');
        let binary = '';
        for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
        return { png: btoa(binary), path: lastTimings?.path };
      },
    };
  }, [exporter]);
  return (
    <>
      <button
        type="button"
        className="icon"
        title="Export: picture, copy, report (Ctrl+Shift+E)"
        aria-label="Export (Ctrl+Shift+E)"
        onClick={() => openExportDialog()}
        data-testid="btn-export"
      >
        <ImageDown size={16} />
      </button>
      {open && <ExportDialog exporter={exporter} format={format} title={title} onClose={closeExportDialog} />}
    </>
  );
}
