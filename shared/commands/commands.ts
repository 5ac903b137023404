/**
 * Every command of the app, declared once: the native menu (electron/main/menu.ts),
 * the shortcut sheet, the toolbar tooltips and the page's key matcher
 * (renderer/src/app/shortcuts.ts) are all derived from this list, and
 * test/unit/app/commands.test.ts fails when they disagree.
 *
 * Keys are chords: modifiers joined with `+`, then one key. `Mod` is Cmd on
 * macOS and Ctrl elsewhere; `Ctrl` is Ctrl everywhere. A symbol key (`?`, `+`,
 * `=`, `-`) matches whatever Shift it needs on the user's layout.
 */
export type MenuSection = 'file' | 'export' | 'edit' | 'view';
export type KeyPlatform = 'mac' | 'other';

export interface CommandSpec {
  readonly id: string;
  /** The menu item's label (Title Case, as native menus write it). */
  readonly label: string;
  /** The shortcut sheet's description; a command without one is not on the sheet. */
  readonly sheet?: string;
  /** Chords, most familiar first: the first is the one the menu shows. */
  readonly keys?: readonly string[];
  /** Where macOS differs. */
  readonly macKeys?: readonly string[];
  /** The native menu section it sits in. */
  readonly menu?: MenuSection;
  /** Shown in the menu as Electron's native role, so it keeps working in text fields. */
  readonly menuRole?: 'cut' | 'copy' | 'paste';
  /** Has a toolbar button, whose tooltip names the first key. */
  readonly toolbar?: boolean;
  /** Also fires while the focus is in a text field (Save must work from the notes). */
  readonly inFields?: boolean;
  /** Changes the board: refused for a spectator. */
  readonly edits?: boolean;
  /** Only the desktop app can do it (PDF). */
  readonly desktopOnly?: boolean;
}

export const COMMANDS = [
  {
    id: 'new',
    label: 'New Board',
    sheet: 'New board (asks first when there are unsaved changes)',
    keys: ['Alt+N'],
    menu: 'file',
    toolbar: true,
    edits: true,
  },
  {
    id: 'open',
    label: 'Open…',
    sheet: 'Open a board (or an exported PNG/SVG)',
    keys: ['Mod+O'],
    menu: 'file',
    toolbar: true,
    inFields: true,
    edits: true,
  },
  { id: 'save', label: 'Save', sheet: 'Save', keys: ['Mod+S'], menu: 'file', toolbar: true, inFields: true },
  { id: 'save-as', label: 'Save As…', sheet: 'Save as', keys: ['Mod+Shift+S'], menu: 'file', inFields: true },
  {
    id: 'export-png',
    label: 'Image (PNG)…',
    sheet: 'Export: PNG, SVG or a report',
    keys: ['Mod+Shift+E'],
    menu: 'export',
    inFields: true,
  },
  { id: 'export-svg', label: 'Vector (SVG)…', menu: 'export' },
  { id: 'export-report', label: 'Report…', menu: 'export' },
  {
    id: 'export-pdf',
    label: 'PDF…',
    sheet: 'Export the report as PDF (desktop app)',
    keys: ['Mod+P'],
    menu: 'export',
    inFields: true,
    desktopOnly: true,
  },
  { id: 'undo', label: 'Undo', sheet: 'Undo (your own edits only)', keys: ['Mod+Z'], menu: 'edit', toolbar: true, edits: true },
  {
    id: 'redo',
    label: 'Redo',
    sheet: 'Redo',
    keys: ['Ctrl+Y', 'Mod+Shift+Z'],
    macKeys: ['Mod+Shift+Z'],
    menu: 'edit',
    toolbar: true,
    edits: true,
  },
  { id: 'cut', label: 'Cut', sheet: 'Cut', keys: ['Mod+X'], menuRole: 'cut', edits: true },
  { id: 'copy', label: 'Copy', sheet: 'Copy', keys: ['Mod+C'], menuRole: 'copy' },
  { id: 'paste', label: 'Paste', sheet: 'Paste', keys: ['Mod+V'], menuRole: 'paste', edits: true },
  { id: 'duplicate', label: 'Duplicate', sheet: 'Duplicate', keys: ['Mod+D'], menu: 'edit', edits: true },
  { id: 'delete', label: 'Delete', sheet: 'Delete the selection', keys: ['Delete', 'Backspace'], menu: 'edit', edits: true },
  {
    id: 'rename',
    label: 'Rename',
    sheet: 'Rename the selected component in place (or double-click it)',
    keys: ['F2', 'Enter'],
    menu: 'edit',
    edits: true,
  },
  { id: 'select-all', label: 'Select All', sheet: 'Select all', keys: ['Mod+A'], menu: 'edit' },
  { id: 'copy-image', label: 'Copy Board as Image', sheet: 'Copy the board as an image', keys: ['Mod+Shift+C'], menu: 'edit' },
  { id: 'zoom-in', label: 'Zoom In', sheet: 'Zoom in', keys: ['+', '='], menu: 'view' },
  { id: 'zoom-out', label: 'Zoom Out', sheet: 'Zoom out', keys: ['-'], menu: 'view' },
  { id: 'zoom-fit', label: 'Zoom to Fit', sheet: 'Zoom to fit', keys: ['Shift+1'], menu: 'view', toolbar: true },
  { id: 'toggle-snap', label: 'Snap to Grid', sheet: 'Snap to grid on/off', keys: ['Shift+G'], menu: 'view', toolbar: true },
  { id: 'toggle-minimap', label: 'Show Minimap', sheet: 'Minimap on/off', keys: ['Shift+M'], menu: 'view', toolbar: true },
  {
    id: 'toggle-palette',
    label: 'Show Components Panel',
    sheet: 'Components panel on/off',
    keys: ['Shift+P'],
    menu: 'view',
    toolbar: true,
  },
  {
    id: 'toggle-sidebar',
    label: 'Show Side Panel',
    sheet: 'Side panel (notes, score, brief) on/off',
    keys: ['Shift+B'],
    menu: 'view',
    toolbar: true,
  },
  { id: 'toggle-theme', label: 'Toggle Dark Theme', sheet: 'Light / dark theme', keys: ['Shift+D'], menu: 'view', toolbar: true },
  { id: 'shortcuts', label: 'Keyboard Shortcuts', sheet: 'This sheet', keys: ['?'], menu: 'view', toolbar: true },
  { id: 'clear-selection', label: 'Clear Selection', sheet: 'Clear the selection, close a dialog', keys: ['Escape'] },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

const byId: ReadonlyMap<string, CommandSpec> = new Map(COMMANDS.map((c) => [c.id, c]));
export const commandSpec = (id: CommandId): CommandSpec => byId.get(id)!;

/** The chords of a command on a platform. */
export const keysOf = (spec: CommandSpec, platform: KeyPlatform): readonly string[] =>
  (platform === 'mac' ? spec.macKeys : undefined) ?? spec.keys ?? [];

/** A chord split into its modifiers and key; `+` alone is the plus key. */
export const parseChord = (chord: string) => {
  const parts = chord === '+' ? ['+'] : chord.split('+');
  const key = parts[parts.length - 1]!;
  const mods = new Set(parts.slice(0, -1));
  return { key, mod: mods.has('Mod'), ctrl: mods.has('Ctrl'), shift: mods.has('Shift'), alt: mods.has('Alt') };
};

/** Electron's accelerator for a chord (menu items show it; the page handles the key). */
export const toAccelerator = (chord: string): string => {
  const { key, mod, ctrl, shift, alt } = parseChord(chord);
  const name = key === '+' ? 'Plus' : key === '?' ? '/' : key;
  return [mod && 'CmdOrCtrl', ctrl && 'Ctrl', alt && 'Alt', (shift || key === '?') && 'Shift', name].filter(Boolean).join('+');
};

/** How a chord reads on the shortcut sheet and in tooltips: "Ctrl + Shift + S", "⌘ + Shift + S". */
export const formatChord = (chord: string, platform: KeyPlatform): string => {
  const { key, mod, ctrl, shift, alt } = parseChord(chord);
  return [
    mod && (platform === 'mac' ? '⌘' : 'Ctrl'),
    ctrl && 'Ctrl',
    alt && (platform === 'mac' ? '⌥' : 'Alt'),
    shift && 'Shift',
    key,
  ]
    .filter(Boolean)
    .join(' + ');
};
