import { BrowserWindow, session } from 'electron';
import { SECURE_WEB_PREFERENCES } from './security';

const PRINT_PARTITION = 'archdrill-print';

/**
 * Renders report HTML to PDF bytes in a hidden window that runs no scripts and
 * may fetch nothing but inline (data:) resources, in its own session: the
 * report is our HTML, but it carries user text, so it gets no more power than
 * a static page needs.
 */
export async function renderPdf(html: string): Promise<Uint8Array> {
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, session: printSession, devTools: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
