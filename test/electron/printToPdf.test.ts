import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/main/printToPdf';
import { app, dialog, FakeBrowserWindow, session } from './setup/fakeElectron';
import { launchShell } from './setup/launchShell';

describe('printing a report to PDF', () => {
  it('renders in a hidden, script-less, sandboxed window that may load nothing from the network', async () => {
    app.makeReady();
    const pdf = await renderPdf('<h1>Report</h1>');
    expect(new TextDecoder().decode(pdf)).toContain('%PDF');
    const printer = FakeBrowserWindow.windows.at(-1)!;
    expect(printer.options).toMatchObject({ show: false });
    expect(printer.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(printer.webContents.mainFrame.url).toBe(`data:text/html;charset=utf-8,${encodeURIComponent('<h1>Report</h1>')}`);
    expect(printer.destroyed).toBe(true);
    const beforeRequest = session.fromPartition('archdrill-print').webRequest.beforeRequest as unknown as (
      d: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const cancelled = (url: string) => {
      let result = false;
      beforeRequest({ url }, (r) => {
        result = r.cancel;
      });
      return result;
    };
    expect(cancelled('https://tracker.example/pixel.png')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });

  it('saves the PDF where the user chose', async () => {
    const { invoke, home } = await launchShell();
    const target = join(home, 'report.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await invoke('printToPdf', ['<p>hi</p>', 'report.pdf'])).toEqual({
      ok: true,
      value: { name: 'report.pdf', path: target },
    });
    expect(readFileSync(target, 'utf8')).toContain('%PDF');
  });
});
