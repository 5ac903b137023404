import { describe, expect, it, vi } from 'vitest';
import { DocumentState, windowTitle } from '../../electron/main/unsavedChanges';
import { eventChannel } from '../../shared/ipc/api';
import { app, dialog, FakeBrowserWindow } from './setup/fakeElectron';
import { launchShell } from './setup/launchShell';

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;
/** The renderer was asked to save (the Save answer reached it). */
const saveRequested = (contents: { sent: [string, unknown][] }) =>
  vi.waitFor(() => expect(contents.sent).toContainEqual([eventChannel('menuCommand'), 'save']));

/** A shell whose renderer reported unsaved changes to design.archdrill.json. */
async function dirtyShell() {
  const shell = await launchShell();
  await shell.invoke('setTitle', ['design.archdrill.json', true]);
  return shell;
}

describe('the window title', () => {
  it('shows the file name and an unsaved-changes mark', async () => {
    const { invoke, win } = await launchShell();
    await invoke('setTitle', [null, false]);
    expect(win.title).toBe('Untitled — Archdrill');
    await invoke('setTitle', ['design.archdrill.json', true]);
    expect(win.title).toBe('design.archdrill.json • — Archdrill');
    await invoke('setTitle', ['design.archdrill.json', false]);
    expect(win.title).toBe(windowTitle('design.archdrill.json', false));
  });

  it('marks the document edited on macOS', () => {
    app.makeReady();
    const win = new FakeBrowserWindow({});
    const state = new DocumentState(win as never, {
      ask: async () => 'cancel',
      requestSave: () => undefined,
      platform: 'darwin',
    });
    state.update('a.archdrill.json', true);
    expect(win.documentEdited).toBe(true);
    state.update('a.archdrill.json', false);
    expect(win.documentEdited).toBe(false);
  });
});

describe('closing with unsaved changes', () => {
  it('closes a clean window without asking', async () => {
    const { invoke, win } = await launchShell();
    await invoke('setTitle', ['design.archdrill.json', false]);
    win.close();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('asks Save / Don’t Save / Cancel, naming the file', async () => {
    const { win } = await dirtyShell();
    win.close();
    await vi.waitFor(() =>
      expect(dialog.showMessageBox).toHaveBeenCalledWith(
        win,
        expect.objectContaining({
          buttons: ['Save', "Don't Save", 'Cancel'],
          cancelId: CANCEL,
          message: 'Do you want to save the changes you made to design.archdrill.json?',
        }),
      ),
    );
  });

  it('keeps the window on Cancel', async () => {
    const { win } = await dirtyShell();
    dialog.showMessageBox.mockResolvedValue({ response: CANCEL, checkboxChecked: false });
    win.close();
    // Once Cancel has been handled, pressing close again asks again (and is cancelled again).
    await vi.waitFor(() => {
      win.close();
      expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    });
    expect(win.destroyed).toBe(false);
  });

  it('closes without saving on Don’t Save', async () => {
    const { win, contents } = await dirtyShell();
    dialog.showMessageBox.mockResolvedValue({ response: DONT_SAVE, checkboxChecked: false });
    win.close();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(contents.sent.filter(([, p]) => p === 'save')).toEqual([]);
  });

  it('on Save, asks the renderer to save and closes once it reports the file clean', async () => {
    const { win, contents, invoke } = await dirtyShell();
    dialog.showMessageBox.mockResolvedValue({ response: SAVE, checkboxChecked: false });
    win.close();
    await saveRequested(contents);
    expect(win.destroyed).toBe(false);
    await invoke('setTitle', ['design.archdrill.json', false]);
    expect(win.destroyed).toBe(true);
  });

  it('stays open when that save is cancelled, and does not close on a later save', async () => {
    const { win, invoke, contents } = await dirtyShell();
    dialog.showMessageBox.mockResolvedValue({ response: SAVE, checkboxChecked: false });
    win.close();
    await saveRequested(contents);
    // The board was untitled: the renderer asks for Save As, and the user cancels it.
    expect(
      await invoke('saveFileAs', [{ suggestedName: 'design.archdrill.json', data: '{}', mime: 'application/json' }]),
    ).toEqual({
      ok: true,
      value: null,
    });
    await invoke('setTitle', ['design.archdrill.json', false]);
    expect(win.destroyed).toBe(false);
  });

  it('asks once however many times close is pressed while the question is open', async () => {
    const { win } = await dirtyShell();
    dialog.showMessageBox.mockReturnValue(new Promise(() => undefined));
    win.close();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
    win.close();
    win.close();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(win.destroyed).toBe(false);
  });

  it('on macOS, cancelling the save prompt of a quit calls the quit off: closing the window later leaves the app running', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    try {
      const { win, invoke } = await dirtyShell();
      dialog.showMessageBox.mockResolvedValue({ response: CANCEL, checkboxChecked: false });
      app.quit();
      await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
      await new Promise((r) => setImmediate(r));
      expect(win.destroyed).toBe(false);
      expect(app.quitted).toBe(false);
      // Later the user saves and closes the window: on macOS the app stays, as it would had no quit been tried.
      await invoke('setTitle', ['design.archdrill.json', false]);
      win.close();
      expect(win.destroyed).toBe(true);
      expect(app.quitted).toBe(false);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});
