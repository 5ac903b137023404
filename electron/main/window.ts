import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './protocol';
import { SECURE_WEB_PREFERENCES } from './security';

export interface MainWindowOptions {
  readonly preloadPath: string;
  /** Developer tools exist only in unpackaged runs. */
  readonly isDev: boolean;
}

/**
 * The one app window: sandboxed, isolated, no Node, our preload only, loading
 * app://archdrill. It is shown once painted so the user never sees a blank frame.
 */
export function createMainWindow({ preloadPath, isDev }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Archdrill',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      preload: preloadPath,
      devTools: isDev,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
