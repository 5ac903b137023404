/**
 * A stand-in for the `electron` module, enough for the main process and the
 * preload to run in Node: windows, sessions, IPC, dialogs, menus and the app
 * lifecycle are plain objects that record what the code under test did and
 * let a test drive them (emit app events, invoke IPC, pick dialog answers).
 * Installed once for every test/electron file by ./setup.ts.
 *
 * Strict where Electron is, so code that works here works there: windows,
 * sessions and protocol handlers exist only once the app is ready, and
 * privileged schemes only before; IPC carries the frame that sent it (a
 * sub-frame is not the main frame); a page changes URL by navigating, which
 * emits will-navigate / will-redirect and honours preventDefault.
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

/** Electron's WebFrameMain: the page's top frame or an iframe in it. */
export class FakeFrame {
  readonly frames: FakeFrame[] = [];
  constructor(
    readonly webContents: FakeWebContents,
    public url: string,
    readonly parent: FakeFrame | null,
  ) {}
  /** Test helper: the page embeds an iframe showing `url`. */
  addFrame(url: string): FakeFrame {
    const child = new FakeFrame(this.webContents, url, this);
    this.frames.push(child);
    return child;
  }
}

const notReady = (what: string) => new Error(`${what} before the app is ready`);

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  /** The top frame; IPC from the page's own script carries it as `senderFrame`. */
  readonly mainFrame: FakeFrame = new FakeFrame(this, '', null);
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
  /** Main loads a page: no will-navigate (Electron fires it only for navigations the page starts). */
  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.load(url);
  }
  /** Like Electron: the page starts loading again at the same URL. */
  reload(): void {
    this.load(this.mainFrame.url);
  }
  /**
   * Test helper: the page navigates itself (a link, `location = …`). Returns
   * whether it got there: a will-navigate listener may prevent it.
   */
  navigate(url: string): boolean {
    if (!this.allowed('will-navigate', url)) return false;
    this.load(url);
    return true;
  }
  /** Test helper: the server answered the page's navigation with a redirect to `url`. */
  redirect(url: string): boolean {
    if (!this.allowed('will-redirect', url)) return false;
    this.load(url);
    return true;
  }
  private allowed(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = Object.assign(new FakeEvent(), { url, isMainFrame: true });
    this.emit(event, e, url);
    return !e.defaultPrevented;
  }
  private load(url: string): void {
    this.emit('did-start-loading');
    this.mainFrame.frames.length = 0;
    this.mainFrame.url = url;
    this.emit('did-navigate', new FakeEvent(), url);
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
    if (!app.isReady()) throw notReady('Cannot create BrowserWindow');
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
  quit = vi.fn(() => this.quitLikeElectron());
  addRecentDocument = vi.fn();
  /** Set once the app has quit (`will-quit` ran and nothing cancelled it). */
  quitted = false;
  private quitting = false;

  /**
   * Electron's order: a cancellable before-quit, then every window is asked to
   * close (a window that cancels its close cancels the quit), then will-quit and quit.
   */
  private quitLikeElectron(): void {
    if (this.quitting || this.quitted) return;
    this.quitting = true;
    try {
      const before = new FakeEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      for (const w of FakeBrowserWindow.getAllWindows()) w.close();
      if (FakeBrowserWindow.getAllWindows().length > 0) return;
      const will = new FakeEvent();
      this.emit('will-quit', will);
      if (will.defaultPrevented) return;
      this.quitted = true;
      this.emit('quit', new FakeEvent(), 0);
    } finally {
      this.quitting = false;
    }
  }

  reset(): void {
    this.removeAllListeners();
    this.readyFlag = false;
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    this.paths = {};
    this.isPackaged = false;
    this.requestSingleInstanceLock = vi.fn(() => true);
    this.quit = vi.fn(() => this.quitLikeElectron());
    this.quitted = false;
    this.quitting = false;
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
  setPath(name: string, path: string): void {
    this.paths[name] = path;
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
  /**
   * Test helper: what ipcRenderer.invoke would produce when called by the
   * script of `from`: a page (its top frame) or one frame of it.
   */
  async invoke(channel: string, from: FakeWebContents | FakeFrame, ...args: unknown[]): Promise<unknown> {
    const frame = from instanceof FakeFrame ? from : from.mainFrame;
    if (frame.webContents.isDestroyed()) throw new Error('the sending page is gone');
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Electron clones arguments with the structured-clone algorithm, so the handler never shares the caller's objects.
    return handler({ sender: frame.webContents, senderFrame: frame }, ...structuredClone(args));
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: undefined }));
}

/** An ipcRenderer wired to `contents`: invoke reaches ipcMain as the page's top frame, send() arrives as events. */
export function ipcRendererOf(contents: FakeWebContents): FakeIpcRenderer {
  const renderer = new FakeIpcRenderer();
  renderer.invoke = vi.fn((channel: string, ...args: unknown[]) => ipcMain.invoke(channel, contents, ...args));
  const send = contents.send.bind(contents);
  contents.send = (channel: string, payload: unknown) => {
    send(channel, payload);
    renderer.emit(channel, {}, structuredClone(payload));
  };
  return renderer;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const BrowserWindow = FakeBrowserWindow;
let defaultSession = new FakeSession();
export const session = {
  get defaultSession(): FakeSession {
    if (!app.isReady()) throw notReady('session.defaultSession');
    return defaultSession;
  },
  set defaultSession(s: FakeSession) {
    defaultSession = s;
  },
  partitions: new Map<string, FakeSession>(),
  fromPartition(name: string): FakeSession {
    if (!app.isReady()) throw notReady('session.fromPartition');
    const existing = session.partitions.get(name);
    if (existing) return existing;
    const created = new FakeSession();
    session.partitions.set(name, created);
    return created;
  },
};
const strictProtocol = () => ({
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before the app is ready');
  }),
  handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => {
    if (!app.isReady()) throw notReady('protocol.handle');
  }),
});
export const protocol = strictProtocol();
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
  Object.assign(protocol, strictProtocol());
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
