/** The shortcut sheet's content and the single source of what each key does. */
export const SHORTCUTS: readonly { readonly keys: string; readonly action: string }[] = [
  { keys: 'Drag from palette, click, or its letter key', action: 'Add a component at the centre' },
  { keys: 'Drag from a dot on a component', action: 'Connect to another component' },
  { keys: 'Double-click / F2', action: 'Rename a component in place' },
  { keys: 'Shift + drag, Shift/Ctrl + click', action: 'Select several' },
  { keys: 'Delete / Backspace', action: 'Delete the selection' },
  { keys: 'Ctrl/Cmd + C, X, V', action: 'Copy, cut, paste' },
  { keys: 'Ctrl/Cmd + D', action: 'Duplicate' },
  { keys: 'Ctrl/Cmd + A', action: 'Select all' },
  { keys: 'Ctrl/Cmd + Z', action: 'Undo (your own edits only)' },
  { keys: 'Ctrl/Cmd + Shift + Z, Ctrl + Y', action: 'Redo' },
  { keys: 'Ctrl/Cmd + S, Ctrl/Cmd + Shift + S', action: 'Save, Save as' },
  { keys: 'Ctrl/Cmd + O', action: 'Open a board (or an exported PNG/SVG)' },
  { keys: 'Ctrl/Cmd + Shift + E', action: 'Export: PNG, SVG or a report' },
  { keys: 'Ctrl/Cmd + Shift + C', action: 'Copy the board as an image' },
  { keys: 'Alt + N', action: 'New board' },
  { keys: 'Shift + 1', action: 'Zoom to fit' },
  { keys: '+ / -', action: 'Zoom in / out' },
  { keys: 'Shift + G', action: 'Snap to grid on/off' },
  { keys: 'Shift + D', action: 'Light / dark theme' },
  { keys: '?', action: 'This sheet' },
  { keys: 'Escape', action: 'Clear the selection, close a dialog' },
];

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export interface ShortcutHandlers {
  undo(): void;
  redo(): void;
  copy(): void;
  cut(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  save(): void;
  saveAs(): void;
  open(): void;
  newBoard(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  toggleSnap(): void;
  toggleTheme(): void;
  showShortcuts(): void;
  clearSelection(): void;
  addByKey(key: string): boolean;
  /** Opens the export dialog. */
  exportImage?(): void;
  /** Copies the whole board to the clipboard as a PNG. */
  copyImage?(): void;
}

/** Maps a keydown to a handler; returns true when it handled the key. Ignores keys typed into fields. */
export const handleShortcut = (e: KeyboardEvent, h: ShortcutHandlers): boolean => {
  // Chrome's autofill dispatches keydown events without a key.
  if (typeof e.key !== 'string') return false;
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && k === 's') return run(e, e.shiftKey ? h.saveAs : h.save);
  if (mod && k === 'o') return run(e, h.open);
  if (mod && e.shiftKey && k === 'e' && h.exportImage) return run(e, h.exportImage);
  if (isTyping(e.target)) return false;
  if (mod && k === 'z') return run(e, e.shiftKey ? h.redo : h.undo);
  if (mod && k === 'y') return run(e, h.redo);
  if (mod && e.shiftKey && k === 'c' && h.copyImage) return run(e, h.copyImage);
  if (mod && k === 'c') return run(e, h.copy);
  if (mod && k === 'x') return run(e, h.cut);
  if (mod && k === 'v') return run(e, h.paste);
  if (mod && k === 'd') return run(e, h.duplicate);
  if (mod && k === 'a') return run(e, h.selectAll);
  if (mod) return false;
  if (e.altKey && k === 'n') return run(e, h.newBoard);
  if (e.altKey) return false;
  if (e.key === '?') return run(e, h.showShortcuts);
  if (e.key === '!' || (e.shiftKey && e.code === 'Digit1')) return run(e, h.fit);
  if (e.key === '+' || e.key === '=') return run(e, h.zoomIn);
  if (e.key === '-') return run(e, h.zoomOut);
  if (e.shiftKey && k === 'g') return run(e, h.toggleSnap);
  if (e.shiftKey && k === 'd') return run(e, h.toggleTheme);
  if (e.key === 'Escape') return run(e, h.clearSelection);
  if (!e.shiftKey && k.length === 1 && h.addByKey(k)) {
    e.preventDefault();
    return true;
  }
  return false;
};

const run = (e: KeyboardEvent, fn: () => void) => {
  e.preventDefault();
  fn();
  return true;
};
