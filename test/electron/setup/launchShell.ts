import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ShellOptions, startShell } from '../../../electron/main/app';
import { unavailableHosting, unavailableUserRubrics } from '../../../electron/main/services';
import { type InvokeName, type IpcEnvelope, invokeChannel } from '../../../shared/ipc/api';
import { app, FakeBrowserWindow, type FakeWebContents, ipcMain } from './fakeElectron';

/** A fresh temp folder for one test. */
export const tempDir = (prefix = 'archdrill-'): string => mkdtempSync(join(tmpdir(), prefix));

/**
 * Starts the shell against the fake Electron, the way Electron would: the
 * module runs before `ready`, then the app becomes ready.
 */
export async function launchShell(overrides: Partial<ShellOptions> & { readonly beforeReady?: () => void } = {}) {
  const home = tempDir();
  const rendererRoot = join(home, 'renderer');
  await mkdir(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Archdrill</title>');
  app.paths = { userData: join(home, 'userData'), documents: join(home, 'Documents') };
  await mkdir(app.paths.userData!);
  await mkdir(app.paths.documents!);
  const shell = startShell({
    rendererRoot,
    preloadPath: '/app/dist-electron/preload.cjs',
    isDev: false,
    argv: ['/opt/Archdrill/archdrill'],
    cwd: home,
    hosting: unavailableHosting,
    listUserRubrics: unavailableUserRubrics,
    ...overrides,
  });
  if (!shell) throw new Error('the shell did not start');
  overrides.beforeReady?.();
  app.makeReady();
  await shell.ready;
  const win = shell.mainWindow() as unknown as FakeBrowserWindow;
  return {
    shell,
    home,
    win,
    contents: win.webContents,
    /** ipcRenderer.invoke from `sender` (the main window unless given). */
    invoke: <K extends InvokeName>(name: K, args: readonly unknown[], sender: FakeWebContents = win.webContents) =>
      ipcMain.invoke(invokeChannel(name), sender, ...args) as Promise<IpcEnvelope<unknown>>,
  };
}

export { FakeBrowserWindow };
