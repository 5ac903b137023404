import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, DOCS_URL, type MenuContext } from '../../electron/main/menu';
import { isVettedExternalUrl } from '../../electron/main/security';
import { MENU_COMMANDS } from '../../shared/ipc/menuCommands';

const context = (overrides: Partial<MenuContext> = {}): MenuContext => ({
  platform: 'linux',
  isDev: false,
  recent: [],
  send: vi.fn(),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  openDocs: vi.fn(),
  ...overrides,
});

const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('the native menu', () => {
  it('has File, Edit, View and Help, with the app menu first on macOS', () => {
    expect(buildMenuTemplate(context()).map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(buildMenuTemplate(context({ platform: 'darwin' })).map((m) => m.label ?? m.role)).toEqual([
      'Archdrill',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('sends every menu command to the renderer from one item', () => {
    const ctx = context();
    const items = flatten(buildMenuTemplate(ctx));
    for (const command of MENU_COMMANDS) {
      const item = items.find((i) => i.id === command);
      expect(item, command).toBeDefined();
      click(item!);
      expect(ctx.send).toHaveBeenLastCalledWith(command);
    }
  });

  it('lists the File menu in the expected order, with an Export submenu', () => {
    const file = buildMenuTemplate(context())[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New Board',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export',
    ]);
    const exportMenu = file.find((i) => i.label === 'Export')!.submenu as MenuItemConstructorOptions[];
    expect(exportMenu.map((i) => i.id)).toEqual(['export-png', 'export-svg', 'export-report', 'export-pdf']);
  });

  it('uses the platform’s modifier and leaves keys the page handles to the page', () => {
    const items = flatten(buildMenuTemplate(context()));
    const byId = (id: string) => items.find((i) => i.id === id)!;
    expect(byId('save').accelerator).toBe('CmdOrCtrl+S');
    expect(byId('save').registerAccelerator).toBe(false);
    expect(byId('undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId('redo').accelerator).toBe('Ctrl+Y');
    expect(flatten(buildMenuTemplate(context({ platform: 'darwin' }))).find((i) => i.id === 'redo')!.accelerator).toBe(
      'CmdOrCtrl+Shift+Z',
    );
    // Once a native accelerator and a page shortcut, Ctrl+Shift+E ran twice: now the page alone handles it.
    expect(byId('export-png')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false });
    for (const role of ['cut', 'copy', 'paste'])
      expect(
        items.some((i) => i.role === role),
        role,
      ).toBe(true);
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate(context({ isDev }))).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('lists recent files and opens the one clicked', () => {
    const ctx = context({ recent: [{ name: 'a.archdrill.json', path: '/boards/a.archdrill.json' }] });
    const items = flatten(buildMenuTemplate(ctx));
    const recent = items.find((i) => i.id === 'open-recent')!.submenu as MenuItemConstructorOptions[];
    click(recent[0]!);
    expect(ctx.openRecent).toHaveBeenCalledWith('/boards/a.archdrill.json');
    click(items.find((i) => i.id === 'clear-recent')!);
    expect(ctx.clearRecent).toHaveBeenCalled();
    const empty = flatten(buildMenuTemplate(context())).find((i) => i.id === 'open-recent')!
      .submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('links the documentation over https', () => {
    expect(isVettedExternalUrl(DOCS_URL)).toBe(true);
    const ctx = context();
    click(flatten(buildMenuTemplate(ctx)).find((i) => i.label === 'Documentation')!);
    expect(ctx.openDocs).toHaveBeenCalled();
  });
});
