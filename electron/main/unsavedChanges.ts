import { type BrowserWindow, dialog } from 'electron';

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** "design.archdrill.json • — Archdrill": the file, a mark while it has unsaved changes, the app. */
export const windowTitle = (fileName: string | null, dirty: boolean): string =>
  `${fileName ?? 'Untitled'}${dirty ? ' •' : ''} — Archdrill`;

/** The native Save / Don't Save / Cancel question, as the platform's own apps ask it. */
export async function askToSave(win: BrowserWindow, fileName: string | null): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes you made to ${fileName ?? 'this board'}?`,
    detail: 'The board itself stays in Archdrill either way; only the changes to the file would be lost.',
  });
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

interface DocumentStateDeps {
  readonly ask: (win: BrowserWindow, fileName: string | null) => Promise<CloseChoice>;
  /** Asks the renderer to save (it owns the board and knows where it goes). */
  readonly requestSave: () => void;
  readonly platform: NodeJS.Platform;
  /** The user kept the window (Cancel, or cancelled the save it asked for): a quit that was under way is off. */
  readonly onCloseCancelled?: () => void;
}

/**
 * The open file's name and unsaved-changes flag, as the renderer reports them
 * through setTitle, and the close prompt that depends on them.
 *
 * "Save" cannot save from main (the board lives in the renderer), so it asks
 * the renderer to save and closes once the renderer reports the file clean.
 * If that save is cancelled or fails, the handlers call saveAbandoned() and
 * the window stays open, as a native editor would.
 */
export class DocumentState {
  private fileName: string | null = null;
  private dirty = false;
  private closeAfterSave = false;
  private closeAllowed = false;
  private prompting = false;

  constructor(
    private readonly win: BrowserWindow,
    private readonly deps: DocumentStateDeps,
  ) {
    win.on('close', (event) => {
      if (!this.dirty || this.closeAllowed) return;
      event.preventDefault();
      void this.prompt();
    });
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  update(fileName: string | null, dirty: boolean): void {
    this.fileName = fileName;
    this.dirty = dirty;
    if (this.win.isDestroyed()) return;
    this.win.setTitle(windowTitle(fileName, dirty));
    if (this.deps.platform === 'darwin') this.win.setDocumentEdited(dirty);
    if (this.closeAfterSave && !dirty) this.closeNow();
  }

  saveAbandoned(): void {
    if (this.closeAfterSave) this.deps.onCloseCancelled?.();
    this.closeAfterSave = false;
  }

  private async prompt(): Promise<void> {
    if (this.prompting) return;
    this.prompting = true;
    try {
      const choice = await this.deps.ask(this.win, this.fileName);
      if (choice === 'discard') this.closeNow();
      else if (choice === 'cancel') this.deps.onCloseCancelled?.();
      else if (choice === 'save') {
        this.closeAfterSave = true;
        this.deps.requestSave();
      }
    } finally {
      this.prompting = false;
    }
  }

  private closeNow(): void {
    this.closeAllowed = true;
    if (!this.win.isDestroyed()) this.win.close();
  }
}
