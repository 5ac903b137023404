import { describe, expect, it, vi } from 'vitest';
import { INVOKE_NAMES, invokeChannel } from '../../shared/ipc/api';
import { FakeBrowserWindow, FakeWebContents, ipcMain, session, shell } from './setup/fakeElectron';
import { launchShell } from './setup/launchShell';

const REFUSED = { ok: false, error: 'Refused: this request did not come from the Archdrill window.' };

describe('every IPC message is checked before it is handled', () => {
  it('registers exactly the contract’s channels', async () => {
    await launchShell();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
  });

  it('answers our own window', async () => {
    const { invoke, win } = await launchShell();
    expect(await invoke('setTitle', ['design.archdrill.json', true])).toEqual({ ok: true, value: undefined });
    expect(win.title).toBe('design.archdrill.json • — Archdrill');
  });

  it('refuses, and logs, a message from a web contents that is not the main window', async () => {
    const { invoke, win } = await launchShell();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stranger = new FakeWebContents(session.defaultSession);
    await stranger.loadURL('app://archdrill/index.html');
    expect(await invoke('setTitle', ['pwned', false], stranger)).toEqual(REFUSED);
    expect(win.title).not.toContain('pwned');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused setTitle: sender \d+ is not the main window/));
  });

  it('refuses a message from another window of ours (the hidden PDF printer)', async () => {
    const { invoke } = await launchShell();
    const printer = new FakeBrowserWindow({ show: false });
    await printer.loadURL('app://archdrill/index.html');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await invoke('openExternal', ['https://example.com'], printer.webContents)).toEqual(REFUSED);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('keeps answering after the page tried to navigate away, which is blocked', async () => {
    const { invoke, contents } = await launchShell();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.redirect('https://evil.example/')).toBe(false);
    expect(await invoke('recentFiles', [])).toEqual({ ok: true, value: [] });
  });

  it('refuses our window once it shows a page that is not ours', async () => {
    const { invoke, contents } = await launchShell();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Main itself loading another page is the one way past the navigation lockdown.
    await contents.loadURL('https://evil.example/');
    expect(await invoke('recentFiles', [])).toEqual(REFUSED);
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('is not on app://archdrill'));
    await contents.loadURL('app://archdrill/index.html');
    expect(await invoke('recentFiles', [])).toEqual({ ok: true, value: [] });
  });

  it('refuses an iframe of our own page, whatever it shows', async () => {
    const { contents } = await launchShell();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const url of ['app://archdrill/index.html', 'https://evil.example/']) {
      const iframe = contents.mainFrame.addFrame(url);
      expect(await ipcMain.invoke(invokeChannel('recentFiles'), iframe), url).toEqual(REFUSED);
      expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('sub-frame'));
    }
  });

  it('refuses malformed arguments with a sentence naming the argument', async () => {
    const { invoke, win } = await launchShell();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await invoke('setTitle', [42, 'yes'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused setTitle: argument 1: /),
    });
    expect(win.title).toBe('');
    expect(await invoke('setTitle', ['a.json'])).toMatchObject({ ok: false, error: expect.stringContaining('Refused setTitle') });
    expect(await invoke('openExternal', ['http://example.com'])).toMatchObject({
      ok: false,
      error: 'Refused openExternal: argument 1: must be an https:// link.',
    });
    expect(await invoke('saveFileAs', [{ suggestedName: '../../.bashrc', data: 'x', mime: 'text/plain' }])).toMatchObject({
      ok: false,
      error: expect.stringContaining('argument 1 (suggestedName): must be a file name without folders'),
    });
    expect(await invoke('saveFile', [{ path: 'relative.json', data: 'x', mime: 'application/json' }])).toMatchObject({
      ok: false,
    });
    expect(await invoke('copyImage', ['not bytes'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('expected bytes'),
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('malformed arguments'));
  });

  it('turns a failing handler into its message, not a crash', async () => {
    const { invoke } = await launchShell();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await invoke('hostStart', [{}])).toEqual({
      ok: false,
      error: 'Hosting a session is not available in this build of Archdrill.',
    });
    expect(await invoke('copyImage', [new Uint8Array([1, 2, 3])])).toEqual({
      ok: false,
      error: 'Could not copy the image: it is not a valid PNG.',
    });
  });

  it('opens a vetted link in the OS browser', async () => {
    const { invoke } = await launchShell();
    expect(await invoke('openExternal', ['https://github.com/yjs/yjs'])).toEqual({ ok: true, value: undefined });
    expect(shell.openExternal).toHaveBeenCalledWith('https://github.com/yjs/yjs');
  });
});
