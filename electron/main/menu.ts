import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/menuCommands';
import type { RecentFile } from './recentFiles';

/** Where Help → Documentation points; https, so it passes the external-link vetting. */
export const DOCS_URL = 'https://github.com/archdrill/archdrill#readme';

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  /** Developer tools appear only in unpackaged runs. */
  readonly isDev: boolean;
  readonly recent: readonly RecentFile[];
  readonly send: (command: MenuCommand) => void;
  readonly openRecent: (path: string) => void;
  readonly clearRecent: () => void;
  readonly openDocs: () => void;
}

/**
 * The native menu as a plain template, so it can be tested without Electron.
 * Commands the board owns (undo is per user in Yjs, select-all selects
 * components) go to the renderer; cut/copy/paste use the native roles so
 * they work in text fields.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator && { accelerator }),
    click: () => ctx.send(id),
  });
  /**
   * Shows the shortcut but leaves the key to the page: the renderer handles
   * these keys itself (renderer/src/app/shortcuts.ts, shared with the browser
   * build), so registering them here would run each command twice, and text
   * fields keep their native undo and select-all. Keep the labels in step
   * with shortcuts.ts.
   */
  const inPage = (label: string, id: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    ...command(label, id, accelerator),
    registerAccelerator: false,
  });

  const recentItems: MenuItemConstructorOptions[] =
    ctx.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : [
          ...ctx.recent.map((file) => ({ label: file.name, sublabel: file.path, click: () => ctx.openRecent(file.path) })),
          { type: 'separator' },
          { id: 'clear-recent', label: 'Clear Recent', click: ctx.clearRecent },
        ];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      inPage('New Board', 'new', 'Alt+N'),
      inPage('Open…', 'open', 'CmdOrCtrl+O'),
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      inPage('Save', 'save', 'CmdOrCtrl+S'),
      inPage('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      {
        label: 'Export',
        submenu: [
          command('Image (PNG)…', 'export-png', 'CmdOrCtrl+Shift+E'),
          command('Vector (SVG)…', 'export-svg'),
          command('Report…', 'export-report'),
          command('PDF…', 'export-pdf', 'CmdOrCtrl+P'),
        ],
      },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      inPage('Undo', 'undo', 'CmdOrCtrl+Z'),
      inPage('Redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      inPage('Select All', 'select-all', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      inPage('Zoom In', 'zoom-in', 'Plus'),
      inPage('Zoom Out', 'zoom-out', '-'),
      inPage('Zoom to Fit', 'zoom-fit', 'Shift+1'),
      { type: 'separator' },
      inPage('Toggle Dark Theme', 'toggle-theme', 'Shift+D'),
      inPage('Keyboard Shortcuts', 'shortcuts', 'Shift+/'),
      ...(ctx.isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [...(mac ? [] : [{ role: 'about' } as const]), { label: 'Documentation', click: ctx.openDocs }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Archdrill',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
