import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { sheetRows } from '../../../renderer/src/app/ShortcutSheet';
import { commandForKey, LetterBurst, letterKey } from '../../../renderer/src/app/shortcuts';
import {
  COMMANDS,
  type CommandSpec,
  formatChord,
  type KeyPlatform,
  keysOf,
  toAccelerator,
} from '../../../shared/commands/commands';
import { MENU_COMMANDS } from '../../../shared/ipc/menuCommands';

/** Just enough of a DOM element for `instanceof HTMLElement` and the typing check (tests run in Node). */
class FakeElement {
  constructor(
    readonly tagName: string,
    readonly isContentEditable = false,
  ) {}
}
beforeAll(() => vi.stubGlobal('HTMLElement', FakeElement));
afterAll(() => vi.unstubAllGlobals());

interface KeyInit {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly target?: unknown;
}
const key = (init: KeyInit) =>
  ({
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: new FakeElement('DIV'),
    ...init,
  }) as never;

/** The keydown a person makes for a chord on a US layout. */
const eventFor = (chord: string, platform: KeyPlatform): KeyInit => {
  const parts = chord === '+' ? ['+'] : chord.split('+');
  const k = parts.pop()!;
  const mods = new Set(parts);
  const shift = mods.has('Shift') || k === '?' || k === '+';
  const letter = /^[a-z]$/i.test(k);
  return {
    key: letter ? (shift ? k.toUpperCase() : k.toLowerCase()) : k === '1' && shift ? '!' : k,
    code: letter ? `Key${k.toUpperCase()}` : /^\d$/.test(k) ? `Digit${k}` : '',
    ctrlKey: mods.has('Ctrl') || (mods.has('Mod') && platform === 'other'),
    metaKey: mods.has('Mod') && platform === 'mac',
    shiftKey: shift,
    altKey: mods.has('Alt'),
  };
};

const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const specs = COMMANDS as readonly CommandSpec[];

const menuItems = (platform: KeyPlatform) =>
  flatten(
    buildMenuTemplate({
      platform: platform === 'mac' ? 'darwin' : 'linux',
      isDev: false,
      recent: [],
      send: vi.fn(),
      openRecent: vi.fn(),
      clearRecent: vi.fn(),
      openDocs: vi.fn(),
    }),
  );

describe('one list of commands: menu, sheet and key matcher agree', () => {
  for (const platform of ['other', 'mac'] as const) {
    it(`every key of every command runs that command and no other (${platform})`, () => {
      for (const spec of specs)
        for (const chord of keysOf(spec, platform))
          expect(commandForKey(key(eventFor(chord, platform)), platform), chord).toBe(spec.id);
    });

    it(`no two commands share a key (${platform})`, () => {
      const seen = new Map<string, string>();
      for (const spec of specs)
        for (const chord of keysOf(spec, platform)) {
          expect(seen.get(chord), `${chord}: ${spec.id}`).toBeUndefined();
          seen.set(chord, spec.id);
        }
    });

    it(`the menu shows each menu command with its first key, leaving the key to the page (${platform})`, () => {
      const items = menuItems(platform);
      for (const spec of specs) {
        if (spec.menuRole) {
          expect(items.some((i) => i.role === spec.menuRole)).toBe(true);
          continue;
        }
        const item = items.find((i) => i.id === spec.id);
        if (!spec.menu) {
          expect(item, spec.id).toBeUndefined();
          continue;
        }
        expect(item?.label, spec.id).toBe(spec.label);
        const first = keysOf(spec, platform)[0];
        expect(item?.accelerator, spec.id).toBe(first && toAccelerator(first));
        // Registered natively too, a key would run the command twice (the page handles every key).
        if (first) expect(item?.registerAccelerator, spec.id).toBe(false);
      }
      expect(MENU_COMMANDS.every((id) => items.some((i) => i.id === id))).toBe(true);
    });

    it(`the shortcut sheet lists every command that has keys and a description, with all its keys (${platform})`, () => {
      const rows = sheetRows(platform);
      for (const spec of specs.filter((s) => s.sheet && keysOf(s, platform).length > 0)) {
        const row = rows.find((r) => r.id === spec.id);
        expect(row?.keys, spec.id).toEqual(keysOf(spec, platform).map((k) => formatChord(k, platform)));
      }
      expect(rows.map((r) => r.id)).toContain('export-pdf');
    });
  }

  it('accelerators are what Electron expects', () => {
    expect(toAccelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(toAccelerator('+')).toBe('Plus');
    expect(toAccelerator('?')).toBe('Shift+/');
    expect(toAccelerator('Shift+1')).toBe('Shift+1');
  });
});

describe('keys in fields and letters', () => {
  it.each([['INPUT'], ['TEXTAREA'], ['SELECT']])(
    'keys typed into a %s are the field’s own, but Save and Open still work',
    (tag) => {
      const target = new FakeElement(tag);
      for (const init of [{ key: 'z', ctrlKey: true }, { key: '?' }, { key: 'Escape' }, { key: 'Delete' }, { key: 'F2' }])
        expect(commandForKey(key({ ...init, target }), 'other')).toBeNull();
      expect(commandForKey(key({ key: 's', ctrlKey: true, target }), 'other')).toBe('save');
      expect(commandForKey(key({ key: 'o', ctrlKey: true, target }), 'other')).toBe('open');
      expect(letterKey(key({ key: 'c', target }))).toBeNull();
    },
  );

  it('Enter on a focused button presses the button; elsewhere it renames', () => {
    expect(commandForKey(key({ key: 'Enter', target: new FakeElement('BUTTON') }), 'other')).toBeNull();
    expect(commandForKey(key({ key: 'Enter' }), 'other')).toBe('rename');
  });

  it('a letter with any modifier never adds a component', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey', 'shiftKey']) expect(letterKey(key({ key: 'c', [mod]: true }))).toBeNull();
    expect(letterKey(key({ key: 'c' }))).toBe('c');
  });

  it('ignores keydown events without a key (Chrome autofill sends them)', () => {
    expect(commandForKey(key({ key: undefined as unknown as string }), 'other')).toBeNull();
  });

  it('three letters within a second are typing: the third adds nothing and the first two are taken back', () => {
    const burst = new LetterBurst();
    expect(burst.press(0)).toBe(true);
    burst.added(0, 'a');
    expect(burst.press(200)).toBe(true);
    burst.added(200, 'b');
    expect(burst.press(400)).toBe(false);
    expect(burst.takeBack()).toEqual(['a', 'b']);
    // The rest of the word adds nothing either, until a pause.
    expect(burst.press(600)).toBe(false);
    expect(burst.press(1700)).toBe(true);
  });

  it('deliberate letters, one at a time, each add a component', () => {
    const burst = new LetterBurst();
    for (const at of [0, 700, 1400, 2100]) {
      expect(burst.press(at)).toBe(true);
      burst.added(at, String(at));
    }
  });
});
