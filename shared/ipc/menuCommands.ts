/**
 * Commands the native menu sends to the renderer. The browser build has no
 * native menu and raises the same commands from its own shortcuts.
 */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'export-png',
  'export-svg',
  'export-report',
  'export-pdf',
  'undo',
  'redo',
  'select-all',
  'zoom-in',
  'zoom-out',
  'zoom-fit',
  'toggle-theme',
  'shortcuts',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];
