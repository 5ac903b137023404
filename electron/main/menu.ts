import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, type CommandSpec, keysOf, type MenuSection, toAccelerator } from '../../shared/commands/commands';
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
 * Its items come from the one command list (shared/commands/commands.ts).
 * Every key is handled by the page (renderer/src/app/shortcuts.ts, the same
 * code as the browser build), so items show their accelerator without
 * registering it: registering would run each command twice, and text fields
 * keep their native undo and select-all. Cut, copy and paste are the native
 * roles so they work in text fields.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const items = (section: MenuSection): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c: CommandSpec) => c.menu === section || (section === 'edit' && c.menuRole)).map((c: CommandSpec) => {
      if (c.menuRole) return { role: c.menuRole };
      const first = keysOf(c, mac ? 'mac' : 'other')[0];
      return {
        id: c.id,
        label: c.label,
        ...(first && { accelerator: toAccelerator(first), registerAccelerator: false }),
        click: () => ctx.send(c.id as MenuCommand),
      };
    });

  const recentItems: MenuItemConstructorOptions[] =
    ctx.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : [
          ...ctx.recent.map((file) => ({ label: file.name, sublabel: file.path, click: () => ctx.openRecent(file.path) })),
          { type: 'separator' },
          { id: 'clear-recent', label: 'Clear Recent', click: ctx.clearRecent },
        ];

  const [newBoard, open, ...saving] = items('file');
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      newBoard!,
      open!,
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      ...saving,
      { label: 'Export', submenu: items('export') },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = { label: 'Edit', submenu: items('edit') };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...items('view'),
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
