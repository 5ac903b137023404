import { buildJoinLink, parseJoinLink } from '@shared/collab/joinLink';
import type { ArchdrillApi } from '@shared/ipc/api';
import { persistWithIndexedDb } from './indexedDbPersistence';
import type { OpenedFile, Platform } from './types';

declare global {
  interface Window {
    /** Present only in the desktop app: the preload's API, typed from the IPC contract. */
    readonly archdrill?: ArchdrillApi;
  }
}

const warn = (err: unknown) => console.warn(`[archdrill] ${err instanceof Error ? err.message : String(err)}`);

/**
 * The Platform of the desktop app, over the preload's `window.archdrill`.
 * Persistence is the browser's: IndexedDB through y-indexeddb, which Electron
 * keeps in the app's data folder (see electron/README.md for why that is as
 * safe as a file of our own).
 */
export function createElectronPlatform(api: ArchdrillApi): Platform {
  // Files the OS hands over arrive once, possibly before React subscribes and
  // across StrictMode's subscribe/unsubscribe/subscribe: buffer them here
  // until a listener is there to take them.
  const listeners = new Set<(file: OpenedFile) => void>();
  const waiting: OpenedFile[] = [];
  const dispatch = (file: OpenedFile) => {
    if (listeners.size === 0) waiting.push(file);
    else for (const listener of listeners) listener(file);
  };
  let receiving = false;
  const startReceiving = () => {
    if (receiving) return;
    receiving = true;
    api.onOpenFile(dispatch);
    api.takePendingOpenFiles().then((files) => files.forEach(dispatch), warn);
  };

  return {
    kind: 'electron',
    openFile: ({ title, extensions }) => api.openFileDialog({ title, extensions: [...extensions] }),
    saveFile: ({ suggestedName, data, mime, path, saveAs }) =>
      saveAs || !path ? api.saveFileAs({ suggestedName, data, mime }) : api.saveFile({ path, data, mime }),
    persist: persistWithIndexedDb,
    history: {
      list: () => api.historyList(),
      put: (record) => api.historyPut(record),
      remove: (id) => api.historyDelete(id),
      replay: (id) => api.replayGet(id),
      putReplay: (id, text) => api.replayPut(id, text),
    },
    setTitle(fileName, dirty) {
      api.setTitle(fileName, dirty).catch(warn);
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onOpenFile(listener) {
      listeners.add(listener);
      for (const file of waiting.splice(0)) listener(file);
      startReceiving();
      return () => {
        listeners.delete(listener);
      };
    },
    async copyImage(png) {
      await api.copyImage(new Uint8Array(await png.arrayBuffer()));
    },
    printToPdf: (html, suggestedName) => api.printToPdf(html, suggestedName),
    async hostSession(options) {
      const hosted = await api.hostStart({ ...options });
      // The host's own window connects over loopback, so it keeps working if the network drops.
      const own = parseJoinLink(hosted.links.candidate);
      const hostUrl = own.ok
        ? buildJoinLink({ origin: hosted.localOrigin, roomId: hosted.roomId, token: own.value.token })
        : undefined;
      return {
        joinUrl: hosted.joinUrl,
        code: hosted.code,
        codes: hosted.codes,
        port: hosted.port,
        spectatorUrl: hosted.links.spectator,
        interfaces: hosted.interfaces,
        ...(hostUrl && { hostUrl }),
      };
    },
    stopHosting: () => api.hostStop(),
    async userRubrics() {
      const [files, folder] = await Promise.all([api.userRubrics(), api.userRubricFolder()]);
      return { folder, files };
    },
  };
}

/** The desktop Platform when running inside the Archdrill window, else null (use the browser one). */
export const electronPlatform = (): Platform | null =>
  typeof window !== 'undefined' && window.archdrill ? createElectronPlatform(window.archdrill) : null;
