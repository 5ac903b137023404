import { describe, expect, it, vi } from 'vitest';
import { buildPreloadApi, type PreloadIpc } from '../../electron/preload/api';
import { API_FUNCTION_NAMES, EVENT_NAMES, eventChannel, INVOKE_NAMES, invokeChannel, listenerName } from '../../shared/ipc/api';
import { EVENT_CONTRACT, INVOKE_CONTRACT } from '../../shared/ipc/contract';
import { contextBridge, type FakeWebContents, ipcMain, ipcRenderer } from './setup/fakeElectron';
import { launchShell } from './setup/launchShell';

/** Runs the real preload entry against the fake Electron and returns what it exposed. */
async function loadPreload() {
  vi.resetModules();
  await import('../../electron/preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
  return { key, api };
}

/** Routes the fake ipcRenderer.invoke to main's handlers, as Electron would for `sender`. */
const connect = (sender: FakeWebContents) =>
  ipcRenderer.invoke.mockImplementation((channel: string, ...args: unknown[]) => ipcMain.invoke(channel, sender, ...args));

describe('the preload exposes the contract, and only the contract', () => {
  it('exposes window.archdrill with one named function per contract channel and event', async () => {
    const { key, api } = await loadPreload();
    expect(key).toBe('archdrill');
    const fromContract = [
      ...Object.keys(INVOKE_CONTRACT),
      ...Object.keys(EVENT_CONTRACT).map((e) => `on${e[0]!.toUpperCase()}${e.slice(1)}`),
    ];
    expect(Object.keys(api).sort()).toEqual(fromContract.sort());
    expect(Object.keys(api).sort()).toEqual([...API_FUNCTION_NAMES].sort());
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never hands the page ipcRenderer or a generic send/invoke', async () => {
    const { api } = await loadPreload();
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync', 'postMessage'])
      expect(api).not.toHaveProperty(forbidden);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('matches what main handles: every exposed function reaches a registered handler', async () => {
    const { contents } = await launchShell();
    const { api } = await loadPreload();
    const mainChannels = [...ipcMain.handlers.keys()].sort();
    const preloadChannels = INVOKE_NAMES.filter((n) => typeof api[n] === 'function')
      .map(invokeChannel)
      .sort();
    expect(preloadChannels).toEqual(mainChannels);
    connect(contents);
    const exposed = api as { recentFiles(): Promise<unknown>; setTitle(n: string | null, d: boolean): Promise<void> };
    await expect(exposed.recentFiles()).resolves.toEqual([]);
    await expect(exposed.setTitle('a.archdrill.json', false)).resolves.toBeUndefined();
  });

  it('rejects with main’s own sentence when a request fails', async () => {
    const { contents } = await launchShell();
    const { api } = await loadPreload();
    connect(contents);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const exposed = api as { openExternal(url: string): Promise<void> };
    await expect(exposed.openExternal('http://example.com')).rejects.toThrow(
      'Refused openExternal: argument 1: must be an https:// link.',
    );
  });

  it('delivers events to the listener without the IPC event, and unsubscribes', () => {
    const api = buildPreloadApi(ipcRenderer as unknown as PreloadIpc);
    const listener = vi.fn();
    const off = api.onMenuCommand(listener);
    ipcRenderer.emit(eventChannel('menuCommand'), { sender: ipcRenderer }, 'save');
    expect(listener).toHaveBeenCalledWith('save');
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    ipcRenderer.emit(eventChannel('menuCommand'), { sender: ipcRenderer }, 'open');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(eventChannel('menuCommand'))).toBe(0);
    expect(() => (api.onOpenFile as unknown as (x: unknown) => void)('not a function')).toThrow(TypeError);
  });

  it('names listeners after the contract’s events', () => {
    expect(EVENT_NAMES.map(listenerName)).toEqual(['onMenuCommand', 'onOpenFile']);
  });
});
