import { basename, dirname, extname, join } from 'node:path';
import { type BrowserWindow, clipboard, dialog, nativeImage, shell } from 'electron';
import { atomicWrite } from '../fs/atomicWrite';
import { readFileCapped } from '../fs/readFileCapped';
import { userRubricsDir } from '../paths';
import type { HistoryFiles } from './historyFiles';
import type { ContractHandlers } from './ipc/handle';
import { isBoardPath, type OpenFileQueue } from './openFiles';
import type { RecentFiles } from './recentFiles';
import type { HostingService, ListUserRubrics } from './services';
import type { DocumentState } from './unsavedChanges';

export interface HandlerContext {
  readonly mainWindow: () => BrowserWindow | null;
  readonly document: () => DocumentState | null;
  readonly files: OpenFileQueue;
  readonly recent: RecentFiles;
  readonly history: HistoryFiles;
  readonly hosting: HostingService;
  readonly listUserRubrics: ListUserRubrics;
  /** Where save dialogs start when nothing was saved yet this session (the Documents folder). */
  readonly defaultFolder: () => string;
  readonly renderPdf: (html: string) => Promise<Uint8Array>;
}

/**
 * Dialog filters match on the last extension only on macOS, so
 * `archdrill.json` is offered as `json` (and the file association does the
 * precise matching).
 */
const filterExtensions = (extensions: readonly string[]) => [...new Set(extensions.map((e) => e.split('.').pop() ?? e))];

/** The implementation of every invoke channel; arguments arrive validated (see ipc/handle.ts). */
export function createHandlers(ctx: HandlerContext): ContractHandlers {
  let lastFolder: string | null = null;

  const withWindow = <T>(fn: (win: BrowserWindow) => Promise<T>, otherwise: T): Promise<T> => {
    const win = ctx.mainWindow();
    return win ? fn(win) : Promise.resolve(otherwise);
  };

  /** Writes, then remembers the file: allowed for later saves, listed in Open Recent. */
  const write = async (path: string, data: string | Uint8Array) => {
    await atomicWrite(path, data);
    ctx.files.grant(path);
    lastFolder = dirname(path);
    if (isBoardPath(path)) await ctx.recent.add(path);
    return { name: basename(path), path };
  };

  /** A save the close prompt may be waiting for did not happen: keep the window open. */
  const abandoned = <T>(promise: Promise<T>): Promise<T> =>
    promise.then(
      (value) => {
        if (value === null) ctx.document()?.saveAbandoned();
        return value;
      },
      (err: unknown) => {
        ctx.document()?.saveAbandoned();
        throw err;
      },
    );

  const askWhereToSave = (win: BrowserWindow, suggestedName: string) => {
    const ext = extname(suggestedName).slice(1);
    return dialog.showSaveDialog(win, {
      defaultPath: join(lastFolder ?? ctx.defaultFolder(), suggestedName),
      ...(ext && { filters: [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }] }),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  };

  return {
    openFileDialog: ({ title, extensions }) =>
      withWindow(async (win) => {
        const result = await dialog.showOpenDialog(win, {
          title,
          ...(lastFolder && { defaultPath: lastFolder }),
          properties: ['openFile'],
          filters: [
            { name: 'Supported files', extensions: filterExtensions(extensions) },
            { name: 'All files', extensions: ['*'] },
          ],
        });
        const path = result.filePaths[0];
        if (result.canceled || !path) return null;
        const bytes = await readFileCapped(path);
        ctx.files.grant(path);
        lastFolder = dirname(path);
        if (isBoardPath(path)) await ctx.recent.add(path);
        return { name: basename(path), path, bytes };
      }, null),

    saveFile: ({ path, data }) => {
      if (!ctx.files.isGranted(path))
        return abandoned(
          Promise.reject(
            new Error(`Could not save ${basename(path)}: Archdrill saves only to files you opened or chose; use Save As.`),
          ),
        );
      return abandoned(write(path, data));
    },

    saveFileAs: ({ suggestedName, data }) =>
      abandoned(
        withWindow(async (win) => {
          const { canceled, filePath } = await askWhereToSave(win, suggestedName);
          if (canceled || !filePath) return null;
          return write(filePath, data);
        }, null),
      ),

    recentFiles: () => ctx.recent.list(),

    setTitle: (fileName, dirty) => {
      ctx.document()?.update(fileName, dirty);
    },

    copyImage: (png) => {
      const image = nativeImage.createFromBuffer(Buffer.from(png));
      if (image.isEmpty()) throw new Error('Could not copy the image: it is not a valid PNG.');
      clipboard.writeImage(image);
    },

    printToPdf: (html, suggestedName) =>
      withWindow(async (win) => {
        const pdf = await ctx.renderPdf(html);
        const { canceled, filePath } = await askWhereToSave(win, suggestedName);
        if (canceled || !filePath) return null;
        await atomicWrite(filePath, pdf);
        lastFolder = dirname(filePath);
        return { name: basename(filePath), path: filePath };
      }, null),

    openExternal: (url) => shell.openExternal(url),

    hostStart: (options) => ctx.hosting.start(options),
    hostStop: () => ctx.hosting.stop(),
    userRubrics: () => ctx.listUserRubrics(),
    userRubricFolder: () => userRubricsDir(),
    takePendingOpenFiles: () => ctx.files.takePending(),
    historyList: () => ctx.history.list(),
    historyPut: (record) => ctx.history.put(record),
    historyDelete: (id) => ctx.history.remove(id),
    replayGet: (id) => ctx.history.replay(id),
    replayPut: (id, text) => ctx.history.putReplay(id, text),
  };
}
