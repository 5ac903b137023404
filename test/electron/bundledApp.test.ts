import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { compileFunction } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArchdrillApi } from '../../shared/ipc/api';
import * as electron from './setup/fakeElectron';
import { app, FakeBrowserWindow, ipcRendererOf } from './setup/fakeElectron';
import { tempDir } from './setup/launchShell';

const REPO = resolve(import.meta.dirname, '../..');
/** npm dependencies the bundles leave external resolve from the repository, as they do from the app's node_modules. */
const requireDependency = createRequire(join(REPO, 'package.json'));

/** What a sandboxed preload may require besides `electron` (Electron's docs, "Sandboxed preload"). */
const SANDBOX_MODULES = new Set(['events', 'timers', 'url']);

/**
 * Runs a CommonJS bundle as Node would, except that `require('electron')`
 * returns `electronModule`; the bundle's own chunks load the same way. A
 * sandboxed bundle (the preload) may require nothing else but a few built-ins.
 */
function runBundle(file: string, electronModule: unknown, { sandboxed = false } = {}): unknown {
  const cache = new Map<string, { exports: unknown }>();
  const load = (path: string): unknown => {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(path, module);
    const fn = compileFunction(readFileSync(path, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], {
      filename: path,
    });
    const req = (id: string) => {
      if (id === 'electron') return electronModule;
      if (sandboxed && !SANDBOX_MODULES.has(id.replace(/^node:/, '')))
        throw new Error(`a sandboxed preload cannot require '${id}'`);
      return id.startsWith('.') ? load(resolve(dirname(path), id)) : requireDependency(id);
    };
    fn(module.exports, req, module, path, dirname(path));
    return module.exports;
  };
  return load(file);
}

/** `npm run build:electron` into a temp folder, beside a stand-in renderer build. */
async function buildBundles(): Promise<string> {
  const appRoot = tempDir('archdrill-bundle-');
  mkdirSync(join(appRoot, 'dist/renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist/renderer/index.html'), '<!doctype html><title>Archdrill</title>');
  const out = join(appRoot, 'dist-electron');
  const child = spawn(process.execPath, [join(REPO, 'electron/build/build.mjs')], {
    cwd: REPO,
    env: { ...process.env, ARCHDRILL_ELECTRON_OUT: out },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`build:electron failed (${code}): ${stderr}`);
  return out;
}

describe('the bundled main process and preload', { timeout: 60_000 }, () => {
  let out = '';
  const dataDir = tempDir();
  const previousDataDir = process.env.ARCHDRILL_DATA_DIR;
  beforeAll(async () => {
    out = await buildBundles();
  }, 180_000);
  afterAll(() => {
    if (previousDataDir === undefined) delete process.env.ARCHDRILL_DATA_DIR;
    else process.env.ARCHDRILL_DATA_DIR = previousDataDir;
  });

  it('start, open the window, host and stop a session from the page, quit', async () => {
    process.env.ARCHDRILL_DATA_DIR = dataDir;
    runBundle(join(out, 'main.cjs'), electron);
    expect(FakeBrowserWindow.windows).toEqual([]);
    app.makeReady();
    const win = await vi.waitFor(() => {
      const [w] = FakeBrowserWindow.getAllWindows();
      if (!w?.webContents.mainFrame.url) throw new Error('no window has loaded a page yet');
      return w;
    });
    expect(win.webContents.mainFrame.url).toBe('app://archdrill/index.html');
    expect(app.getPath('userData')).toBe(dataDir);

    // The page's preload, as Electron runs it: only `electron` to require, the API handed to the page.
    const preload = String(win.options.webPreferences?.preload);
    expect(preload).toBe(join(out, 'preload.cjs'));
    const exposed: Record<string, unknown> = {};
    runBundle(
      preload,
      {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
        ipcRenderer: ipcRendererOf(win.webContents),
      },
      { sandboxed: true },
    );
    const api = exposed.archdrill as ArchdrillApi;
    expect(await api.recentFiles()).toEqual([]);

    const session = await api.hostStart({ lan: false });
    expect(session.joinUrl).toContain(`127.0.0.1:${session.port}`);
    expect((await fetch(`${session.localOrigin}/healthz`)).status).toBe(200);
    await api.hostStop();
    await expect(fetch(`${session.localOrigin}/healthz`)).rejects.toThrow();

    app.quit();
    expect(win.isDestroyed()).toBe(true);
    expect(app.quitted).toBe(true);
  });
});
