import { basename, join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { readFileCapped } from '../fs/readFileCapped';
import { createHandlers } from './handlers';
import { HistoryFiles } from './historyFiles';
import { sendEvent } from './ipc/events';
import { registerContract } from './ipc/handle';
import { fromMainWindow } from './ipc/senderCheck';
import { buildMenuTemplate, DOCS_URL } from './menu';
import { boardFileFromArgv, OpenFileQueue } from './openFiles';
import { renderPdf } from './printToPdf';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './protocol';
import { RecentFiles } from './recentFiles';
import { hardenSession, hardenWebContents, isVettedExternalUrl } from './security';
import type { HostingService, ListUserRubrics } from './services';
import { askToSave, type CloseChoice, DocumentState } from './unsavedChanges';
import { createMainWindow } from './window';

export interface ShellOptions {
  /** dist/renderer: the only folder app:// serves. */
  readonly rendererRoot: string;
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly hosting: HostingService;
  readonly listUserRubrics: ListUserRubrics;
  /** Replaced in tests; defaults to the native Save / Don't Save / Cancel box. */
  readonly askToSave?: (win: BrowserWindow, fileName: string | null) => Promise<CloseChoice>;
}

export interface Shell {
  /** Resolves once the window exists and the launch file (if any) was handed over. */
  readonly ready: Promise<void>;
  mainWindow(): BrowserWindow | null;
}

/**
 * The app's lifecycle: one instance, one hardened window, files from argv,
 * the OS and a second launch, the menu, and the IPC contract. Returns null when
 * another instance already runs (this one hands over its argv and quits).
 */
export function startShell(options: ShellOptions): Shell | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Must happen before `ready`: standard + secure gives app:// a real origin.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  let win: BrowserWindow | null = null;
  let document: DocumentState | null = null;
  let quitting = false;

  const files = new OpenFileQueue((file) => sendEvent(win, 'openFile', file));
  const recent = new RecentFiles(join(app.getPath('userData'), 'recent-files.json'), () => refreshMenu());
  const openExternal = (url: string) => {
    if (isVettedExternalUrl(url)) void shell.openExternal(url);
  };

  const showError = (message: string) => {
    if (win && !win.isDestroyed()) void dialog.showMessageBox(win, { type: 'error', message });
    else dialog.showErrorBox('Archdrill', message);
  };

  /** Reads a file the OS or the user named and hands it to the renderer (now, or when it listens). */
  const openPath = async (path: string) => {
    try {
      const bytes = await readFileCapped(path);
      files.deliver({ name: basename(path), path, bytes });
      await recent.add(path);
      if (process.platform !== 'linux') app.addRecentDocument(path);
    } catch (err) {
      // A recent file that moved or vanished leaves the list instead of failing again.
      if (recent.list().some((f) => f.path === path)) await recent.remove(path);
      showError(err instanceof Error ? err.message : String(err));
    }
  };

  function refreshMenu() {
    const template = buildMenuTemplate({
      platform: process.platform,
      isDev: options.isDev,
      recent: recent.list(),
      send: (command) => sendEvent(win, 'menuCommand', command),
      openRecent: (path) => void openPath(path),
      clearRecent: () => void recent.clear(),
      openDocs: () => openExternal(DOCS_URL),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  const focus = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  };

  function openWindow() {
    const created = createMainWindow({ preloadPath: options.preloadPath, isDev: options.isDev });
    win = created;
    document = new DocumentState(created, {
      ask: options.askToSave ?? askToSave,
      requestSave: () => sendEvent(created, 'menuCommand', 'save'),
      platform: process.platform,
      // Otherwise, on macOS, closing the window later (or a later save prompt's Save) would finish the cancelled quit.
      onCloseCancelled: () => {
        quitting = false;
      },
    });
    created.webContents.on('did-start-loading', () => files.pageUnloaded());
    created.on('closed', () => {
      if (win === created) {
        win = null;
        document = null;
      }
      if (quitting) app.quit();
    });
  }

  // macOS hands over double-clicked files through this event, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openPath(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!win) openWindow();
    focus();
    const file = boardFileFromArgv(argv, workingDirectory);
    if (file) void openPath(file);
  });
  // Every page we ever create (main window, PDF printer) gets the navigation and window.open lockdown.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !win) openWindow();
  });

  const ready = app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, createAppRequestHandler(options.rendererRoot));
    hardenSession(session.defaultSession);
    await recent.load();
    // Files in Open Recent were chosen by the user in a dialog or the OS: Save may write them again after a restart.
    for (const f of recent.list()) files.grant(f.path);
    refreshMenu();
    registerContract(
      ipcMain,
      fromMainWindow(() => win),
      createHandlers({
        mainWindow: () => win,
        document: () => document,
        files,
        recent,
        history: new HistoryFiles(join(app.getPath('userData'), 'history')),
        hosting: options.hosting,
        listUserRubrics: options.listUserRubrics,
        defaultFolder: () => app.getPath('documents'),
        renderPdf,
      }),
    );
    openWindow();
    const launchFile = boardFileFromArgv(options.argv, options.cwd);
    if (launchFile) await openPath(launchFile);
  });

  return { ready, mainWindow: () => win };
}
