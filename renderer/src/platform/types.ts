/**
 * Everything the renderer needs from the world outside the page. The browser
 * build implements it with downloads, file inputs and IndexedDB
 * (browserPlatform.ts); the desktop shell with the preload API (electronPlatform.ts).
 * Nothing else in the renderer touches files, storage or the OS.
 */
import type { AttemptRecord } from '@shared/interview/history';
import type { MenuCommand } from '@shared/ipc/menuCommands';
import type * as Y from 'yjs';

export interface OpenedFile {
  /** File name shown in the title bar, e.g. `design.archdrill.json`. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Absolute path, when the platform has one (desktop); used for Save. */
  readonly path?: string;
}

export interface SaveRequest {
  readonly suggestedName: string;
  readonly data: Uint8Array | string;
  readonly mime: string;
  /** Where the file was last saved; with `saveAs` false the platform writes there without asking. */
  readonly path?: string;
  readonly saveAs?: boolean;
}

export interface SavedFile {
  readonly name: string;
  readonly path?: string;
}

/** Local, offline persistence of one board document. */
export interface DocPersistence {
  /** Resolves once the stored state has been loaded into the doc. */
  readonly whenSynced: Promise<void>;
  /** Clears the stored state (New board). */
  clear(): Promise<void>;
  destroy(): Promise<void>;
}

/** Menu commands the desktop shell sends; declared with the IPC contract in shared/ipc. */
export type { MenuCommand };

export interface UserRubricFiles {
  /** Where users drop rubric files, shown in the question picker; null where there is no folder (browser). */
  readonly folder: string | null;
  readonly files: readonly { readonly file: string; readonly text?: string; readonly error?: string }[];
}

/** What hosting returns: links for the partner and for the host's own connection. */
export interface HostedSession {
  /** The link a partner opens (the host serves the app itself over HTTP). */
  readonly joinUrl: string;
  /** The interviewer's short code (`K7Q4-MZ2P`), typed with the host's address instead of the link. */
  readonly code: string;
  /** Each role's short code, where the host hands them out. */
  readonly codes?: Readonly<Record<'candidate' | 'interviewer' | 'spectator', string>>;
  readonly port: number;
  /** A read-only link for spectators. */
  readonly spectatorUrl?: string;
  /** The link the host's own window joins with. */
  readonly hostUrl?: string;
  /** The machine's LAN interfaces (name, IPv4); the links name the first, and may name any. */
  readonly interfaces?: readonly { readonly name: string; readonly address: string }[];
}

/**
 * Where finished attempts and their replays are kept. The desktop writes files
 * in the data directory (atomically, through the IPC contract); the browser
 * keeps them in IndexedDB. Callers validate what comes back with the shared
 * schemas: stores hand over what they hold.
 */
export interface HistoryStore {
  /** Every kept attempt (any order). */
  list(): Promise<readonly unknown[]>;
  /** Adds or, by id, replaces an attempt; keeps the newest HISTORY_LIMIT. */
  put(record: AttemptRecord): Promise<void>;
  /** Forgets an attempt and its replay. */
  remove(id: string): Promise<void>;
  /** An attempt's timeline as stored JSON text (shared/interview/timeline.ts), or null. */
  replay(id: string): Promise<string | null>;
  putReplay(id: string, text: string): Promise<void>;
}

export interface Platform {
  readonly kind: 'browser' | 'electron';
  /** Shows an open dialog (or file input); null when the user cancels. */
  openFile(options: { readonly title: string; readonly extensions: readonly string[] }): Promise<OpenedFile | null>;
  /** Saves (or downloads) a file; null when the user cancels. Rejects with a readable message when the write fails. */
  saveFile(request: SaveRequest): Promise<SavedFile | null>;
  /** The attempt history and replays. */
  readonly history: HistoryStore;
  /** Opens local persistence for a board document. */
  persist(docName: string, doc: Y.Doc): DocPersistence;
  /** Shows the file name and an unsaved-changes mark in the window title. */
  setTitle(fileName: string | null, dirty: boolean): void;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files the OS asked us to open (double-click, argv, second instance). */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** Writes a PNG image to the clipboard. */
  copyImage(png: Blob): Promise<void>;
  /**
   * The user's own rubric files, each with its text (to parse) or its load
   * error, and the folder they live in. The desktop reads a folder in the app's
   * data directory; the browser keeps imported files in local storage.
   */
  userRubrics(): Promise<UserRubricFiles>;
  /** Browser only: keeps an imported rubric file (the desktop uses its folder instead). */
  importUserRubric?(file: { readonly name: string; readonly text: string }): Promise<void>;
  /** Starts the sync server in the desktop app and returns the links to share (desktop only). */
  hostSession?(options: { readonly port?: number; readonly lan?: boolean; readonly keepLinks?: boolean }): Promise<HostedSession>;
  stopHosting?(): Promise<void>;
  /** Prints HTML to PDF (desktop only). */
  printToPdf?(html: string, suggestedName: string): Promise<SavedFile | null>;
}
