/**
 * A stand-in for the `electron` module, enough for the main process and the
 * preload to run in Node: windows, sessions, IPC, dialogs, menus and the app
 * lifecycle are plain objects that record what the code under test did and
 * let a test drive them (emit app events, invoke IPC, pick dialog answers).
 * Installed once for every test/electron file by ./setup.ts.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Electron's cancellable event object. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type Listener = (...args: never[]) => unknown;

export class FakeSession {
  readonly webRequest = {
    headersReceived: null as Listener | null,
    beforeRequest: null as Listener | null,
    onHeadersReceived: (listener: Listener) => {
      this.webRequest.headersReceived = listener;
    },
    onBeforeRequest: (listener: Listener) => {
      this.webRequest.beforeRequest = listener;
    },
  };
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  /** The top frame; IPC events carry it as `senderFrame`. */
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: [channel: string, payload: unknown][] = [];
  destroyed = false;
  readonly printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));

  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  async loadURL(url: string): Promise<void> {
    this.emit('did-start-loading');
    this.mainFrame.url = url;
  }
  /** Like Electron: the page starts loading again at the same URL. */
  reload(): void {
    this.emit('did-start-loading');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static windows: FakeBrowserWindow[] = [];
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows.filter((w) => !w.destroyed);
  }

  readonly webContents: FakeWebContents;
  title = '';
  documentEdited = false;
  destroyed = false;
  visible = false;
  minimized = false;
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    const s = options.webPreferences?.session;
    this.webContents = new FakeWebContents(s instanceof FakeSession ? s : session.defaultSession);
    FakeBrowserWindow.windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  show(): void {
    this.visible = true;
  }
  /** Like Electron: emits a cancellable 'close', and destroys the window unless a listener prevented it. */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  private readyFlag = false;
  private resolveReady: () => void = () => undefined;
  private readyPromise: Promise<void> = Promise.resolve();
  paths: Record<string, string> = {};
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  addRecentDocument = vi.fn();

  reset(): void {
    this.removeAllListeners();
    this.readyFlag = false;
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    this.paths = {};
    this.isPackaged = false;
    this.requestSingleInstanceLock = vi.fn(() => true);
    this.quit = vi.fn();
    this.addRecentDocument = vi.fn();
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.readyFlag;
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`fake app.getPath: no path set for "${name}"`);
    return path;
  }
  /** Test helper: Electron finished launching. */
  makeReady(): void {
    this.readyFlag = true;
    this.emit('ready');
    this.resolveReady();
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke from `sender` would produce. */
  async invoke(channel: string, sender: FakeWebContents, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame: sender.mainFrame }, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: undefined }));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const BrowserWindow = FakeBrowserWindow;
export const session = {
  defaultSession: new FakeSession(),
  partitions: new Map<string, FakeSession>(),
  fromPartition(name: string): FakeSession {
    const existing = session.partitions.get(name);
    if (existing) return existing;
    const created = new FakeSession();
    session.partitions.set(name, created);
    return created;
  },
};
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const dialog = {
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  showMessageBox: vi.fn(),
  showErrorBox: vi.fn(),
};
export const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
export const shell = { openExternal: vi.fn(async () => undefined) };
export const clipboard = { writeImage: vi.fn() };
export const nativeImage = {
  createFromBuffer: (buffer: Buffer) => ({ isEmpty: () => !PNG_SIGNATURE.every((b, i) => buffer[i] === b), buffer }),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };

/** Puts every fake back to its launch state; run before each test. */
export function resetFakeElectron(): void {
  app.reset();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke = vi.fn(async () => ({ ok: true, value: undefined }));
  FakeBrowserWindow.windows = [];
  session.defaultSession = new FakeSession();
  session.partitions.clear();
  protocol.registerSchemesAsPrivileged = vi.fn();
  protocol.handle = vi.fn();
  dialog.showOpenDialog = vi.fn(async () => ({ canceled: true, filePaths: [] }));
  dialog.showSaveDialog = vi.fn(async () => ({ canceled: true }));
  // Cancel, unless a test answers otherwise.
  dialog.showMessageBox = vi.fn(async () => ({ response: 2, checkboxChecked: false }));
  dialog.showErrorBox = vi.fn();
  Menu.buildFromTemplate = vi.fn((template: unknown) => ({ template }));
  Menu.setApplicationMenu = vi.fn();
  shell.openExternal = vi.fn(async () => undefined);
  clipboard.writeImage = vi.fn();
  contextBridge.exposeInMainWorld = vi.fn();
}
