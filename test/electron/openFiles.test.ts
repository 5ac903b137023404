import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { boardFileFromArgv } from '../../electron/main/openFiles';
import { eventChannel } from '../../shared/ipc/api';
import { app, dialog, FakeEvent, Menu } from './setup/fakeElectron';
import { launchShell, tempDir } from './setup/launchShell';

const BOARD = '{"format":"archdrill.board","version":1,"nodes":[],"edges":[]}\n';

const boardFile = (name = 'design.archdrill.json') => {
  const path = join(tempDir(), name);
  writeFileSync(path, BOARD);
  return path;
};

type Opened = { name: string; path?: string; bytes: Uint8Array };
const text = (file: Opened) => new TextDecoder().decode(file.bytes);
/** The last openFile event the page received, once one arrived. */
const lastOpened = async (contents: { sent: [string, unknown][] }) =>
  vi.waitFor(() => {
    const last = contents.sent.filter(([channel]) => channel === eventChannel('openFile')).at(-1);
    if (!last) throw new Error('no openFile event yet');
    return last[1];
  });

describe('finding the board file on a command line', () => {
  it('takes the first .archdrill.json argument, resolved against the working folder', () => {
    expect(boardFileFromArgv(['/opt/Archdrill/archdrill', 'boards/a.archdrill.json'], '/home/ana')).toBe(
      '/home/ana/boards/a.archdrill.json',
    );
    expect(boardFileFromArgv(['electron', '.', '/tmp/B.ARCHDRILL.JSON'], '/x')).toBe('/tmp/B.ARCHDRILL.JSON');
    expect(boardFileFromArgv(['archdrill', '--allow-file-access', '--x=y.archdrill.json', 'c.archdrill.json'], '/w')).toBe(
      '/w/c.archdrill.json',
    );
    expect(boardFileFromArgv(['archdrill', 'notes.json', 'readme.md'], '/w')).toBeNull();
    expect(boardFileFromArgv(['/path/to/design.archdrill.json'], '/w')).toBeNull();
  });

  it("also takes an attempts file (a report's replay saved by a coach), which the app imports into History", () => {
    expect(boardFileFromArgv(['archdrill', 'Downloads/feed-replay.archdrill-attempts.json'], '/home/bo')).toBe(
      '/home/bo/Downloads/feed-replay.archdrill-attempts.json',
    );
  });
});

describe('opening files the OS hands over', () => {
  it('opens the argv file of the first launch once the renderer listens', async () => {
    const path = boardFile();
    const { invoke, contents } = await launchShell({ argv: ['/opt/Archdrill/archdrill', path] });
    expect(contents.sent).toEqual([]);
    const pending = (await invoke('takePendingOpenFiles', [])) as { ok: true; value: Opened[] };
    expect(pending.value).toHaveLength(1);
    expect(pending.value[0]).toMatchObject({ name: 'design.archdrill.json', path });
    expect(text(pending.value[0]!)).toBe(BOARD);
    expect(await invoke('takePendingOpenFiles', [])).toEqual({ ok: true, value: [] });
  });

  it('focuses the running window and opens the file a second launch was given', async () => {
    const { invoke, win, contents } = await launchShell();
    await invoke('takePendingOpenFiles', []);
    win.minimized = true;
    const path = boardFile('second.archdrill.json');
    app.emit('second-instance', new FakeEvent(), ['/opt/Archdrill/archdrill', 'second.archdrill.json'], join(path, '..'));
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(await lastOpened(contents)).toMatchObject({ name: 'second.archdrill.json', path });
  });

  it('keeps a file that arrives while the page reloads until the reloaded page asks for it', async () => {
    const { invoke, win, contents } = await launchShell();
    await invoke('takePendingOpenFiles', []);
    contents.reload();
    const path = boardFile('during-reload.archdrill.json');
    app.emit('second-instance', new FakeEvent(), ['archdrill', path], '/');
    // The file has been read and queued once Open Recent lists it.
    await vi.waitFor(async () => expect(await invoke('recentFiles', [])).toMatchObject({ value: [{ path }] }));
    expect(contents.sent.filter(([channel]) => channel === eventChannel('openFile'))).toEqual([]);
    const pending = (await invoke('takePendingOpenFiles', [], win.webContents)) as { ok: true; value: Opened[] };
    expect(pending.value.map((f) => f.path)).toEqual([path]);
  });

  it('hands the lock over and quits when another instance already runs', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    const { startShell } = await import('../../electron/main/app');
    const shell = startShell({
      rendererRoot: '/nowhere',
      preloadPath: '/nowhere/preload.cjs',
      isDev: false,
      argv: [],
      cwd: '/',
      hosting: { start: vi.fn(), stop: vi.fn() },
      listUserRubrics: vi.fn(),
    });
    expect(shell).toBeNull();
    expect(app.quit).toHaveBeenCalled();
  });

  it('accepts macOS open-file before the app is ready', async () => {
    const path = boardFile('mac.archdrill.json');
    const event = new FakeEvent();
    const { invoke } = await launchShell({ beforeReady: () => app.emit('open-file', event, path) });
    expect(event.defaultPrevented).toBe(true);
    // The file has been read and queued once Open Recent lists it.
    await vi.waitFor(async () => expect(await invoke('recentFiles', [])).toMatchObject({ value: [{ path }] }));
    const pending = (await invoke('takePendingOpenFiles', [])) as { ok: true; value: Opened[] };
    expect(pending.value.map((f) => f.path)).toEqual([path]);
  });

  it('adds opened files to Open Recent, persisted in userData and shown in the menu', async () => {
    const path = boardFile();
    const { invoke } = await launchShell({ argv: ['archdrill', path] });
    expect(await invoke('recentFiles', [])).toEqual({ ok: true, value: [{ name: 'design.archdrill.json', path }] });
    const stored = JSON.parse(readFileSync(join(app.getPath('userData'), 'recent-files.json'), 'utf8'));
    expect(stored).toEqual({ version: 1, files: [path] });
    const template = Menu.buildFromTemplate.mock.calls.at(-1)![0] as {
      label?: string;
      submenu?: { label?: string; submenu?: { label?: string }[] }[];
    }[];
    const recentMenu = template.find((m) => m.label === 'File')!.submenu!.find((i) => i.label === 'Open Recent')!;
    expect(recentMenu.submenu!.map((i) => i.label)).toContain('design.archdrill.json');
  });

  it('lets Save write a file from Open Recent after a restart, but no other path', async () => {
    const path = boardFile('last-week.archdrill.json');
    const other = boardFile('someone-elses.archdrill.json');
    const { invoke } = await launchShell({
      beforeReady: () =>
        writeFileSync(join(app.getPath('userData'), 'recent-files.json'), JSON.stringify({ version: 1, files: [path] })),
    });
    const data = BOARD.replace('"nodes":[]', '"nodes":[] ');
    expect(await invoke('saveFile', [{ path, data, mime: 'application/json' }])).toMatchObject({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(data);
    expect(await invoke('saveFile', [{ path: other, data, mime: 'application/json' }])).toMatchObject({ ok: false });
    expect(readFileSync(other, 'utf8')).toBe(BOARD);
  });

  it('ignores a corrupt recent-files list instead of failing to start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { invoke } = await launchShell({
      beforeReady: () => writeFileSync(join(app.getPath('userData'), 'recent-files.json'), '{"version":1,"files":[42]}'),
    });
    expect(await invoke('recentFiles', [])).toEqual({ ok: true, value: [] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignoring recent-files.json'));
  });

  it('reports a launch file that cannot be read, and still opens the window', async () => {
    const { win } = await launchShell({ argv: ['archdrill', '/nowhere/gone.archdrill.json'] });
    expect(win.destroyed).toBe(false);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, {
      type: 'error',
      message: 'Could not open gone.archdrill.json: the file or its folder no longer exists.',
    });
  });
});

describe('saving', () => {
  it('writes to a file the user opened, atomically, keeping a backup', async () => {
    const path = boardFile();
    const { invoke } = await launchShell({ argv: ['archdrill', path] });
    const saved = await invoke('saveFile', [{ path, data: '{"v":2}', mime: 'application/json' }]);
    expect(saved).toEqual({ ok: true, value: { name: 'design.archdrill.json', path } });
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(BOARD);
  });

  it('refuses to write to a path the user never opened or chose', async () => {
    const { invoke, home } = await launchShell();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const victim = join(home, '.bashrc');
    writeFileSync(victim, 'original');
    expect(await invoke('saveFile', [{ path: victim, data: 'rm -rf ~', mime: 'text/plain' }])).toEqual({
      ok: false,
      error: 'Could not save .bashrc: Archdrill saves only to files you opened or chose; use Save As.',
    });
    expect(readFileSync(victim, 'utf8')).toBe('original');
  });

  it('saves through the native dialog, then allows plain Save to that file', async () => {
    const { invoke, home } = await launchShell();
    const target = join(home, 'Documents', 'mine.archdrill.json');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await invoke('saveFileAs', [{ suggestedName: 'mine.archdrill.json', data: 'v1', mime: 'application/json' }])).toEqual({
      ok: true,
      value: { name: 'mine.archdrill.json', path: target },
    });
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: target });
    expect(await invoke('saveFile', [{ path: target, data: 'v2', mime: 'application/json' }])).toMatchObject({ ok: true });
    expect(readFileSync(target, 'utf8')).toBe('v2');
  });

  it('returns null when the save dialog is cancelled', async () => {
    const { invoke } = await launchShell();
    expect(await invoke('saveFileAs', [{ suggestedName: 'x.archdrill.json', data: '{}', mime: 'application/json' }])).toEqual({
      ok: true,
      value: null,
    });
  });

  it('opens through the native dialog and returns the bytes', async () => {
    const path = boardFile();
    const { invoke } = await launchShell();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    const opened = (await invoke('openFileDialog', [{ title: 'Open a board', extensions: ['.archdrill.json', '.png'] }])) as {
      ok: true;
      value: Opened;
    };
    expect(opened.value).toMatchObject({ name: 'design.archdrill.json', path });
    expect(text(opened.value)).toBe(BOARD);
    expect(dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({
      filters: [{ extensions: ['json', 'png'] }, { extensions: ['*'] }],
    });
  });

  it('lets plain Save write back to a file opened through the Open dialog', async () => {
    const path = boardFile();
    const { invoke } = await launchShell();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    await invoke('openFileDialog', [{ title: 'Open a board', extensions: ['.archdrill.json'] }]);
    expect(await invoke('saveFile', [{ path, data: '{"v":2}', mime: 'application/json' }])).toEqual({
      ok: true,
      value: { name: 'design.archdrill.json', path },
    });
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}');
  });
});
