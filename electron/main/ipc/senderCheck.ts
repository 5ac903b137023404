import type { BrowserWindow } from 'electron';
import { APP_ORIGIN, isAppUrl } from '../protocol';
import type { SenderCheck } from './handle';

/**
 * Accepts a message only from the top frame of our main window while it shows
 * an app:// page: not from another window (the PDF printer), not from an
 * iframe, not from a page that somehow navigated elsewhere.
 */
export const fromMainWindow =
  (mainWindow: () => BrowserWindow | null): SenderCheck =>
  (event) => {
    const win = mainWindow();
    if (!win || win.isDestroyed()) return 'there is no main window';
    if (event.sender !== win.webContents) return `sender ${event.sender.id} is not the main window`;
    const frame = event.senderFrame;
    if (!frame) return 'the sending frame is gone';
    if (frame !== event.sender.mainFrame) return 'the sender is a sub-frame';
    if (!isAppUrl(frame.url)) return `the sender's page ${frame.url} is not on ${APP_ORIGIN}`;
    return null;
  };
