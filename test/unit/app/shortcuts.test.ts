import { kindForKey } from '@shared/catalogue/catalogue';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleShortcut, SHORTCUTS, type ShortcutHandlers } from '../../../renderer/src/app/shortcuts';

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

const keydown = (init: KeyInit) => {
  const event = {
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: new FakeElement('DIV'),
    ...init,
    preventDefault: vi.fn(),
  };
  return event as typeof event & KeyboardEvent;
};

const handlers = () => {
  const h = {
    undo: vi.fn(),
    redo: vi.fn(),
    copy: vi.fn(),
    cut: vi.fn(),
    paste: vi.fn(),
    duplicate: vi.fn(),
    selectAll: vi.fn(),
    save: vi.fn(),
    saveAs: vi.fn(),
    open: vi.fn(),
    newBoard: vi.fn(),
    fit: vi.fn(),
    zoomIn: vi.fn(),
    zoomOut: vi.fn(),
    toggleSnap: vi.fn(),
    toggleTheme: vi.fn(),
    showShortcuts: vi.fn(),
    clearSelection: vi.fn(),
    addByKey: vi.fn((key: string) => kindForKey(key) !== undefined),
  } satisfies ShortcutHandlers;
  return h;
};

type Action = Exclude<keyof ReturnType<typeof handlers>, 'addByKey'>;

/** Runs one key press and returns the only handler it called. */
const press = (init: KeyInit) => {
  const h = handlers();
  const event = keydown(init);
  const handled = handleShortcut(event, h);
  const called = (Object.keys(h) as (keyof typeof h)[]).filter((k) => h[k].mock.calls.length > 0);
  return { handled, called, event, h };
};

describe('handleShortcut', () => {
  const cases: [string, KeyInit, Action][] = [
    ['Ctrl+Z', { key: 'z', ctrlKey: true }, 'undo'],
    ['Cmd+Z', { key: 'z', metaKey: true }, 'undo'],
    ['Ctrl+Shift+Z', { key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    ['Ctrl+Y', { key: 'y', ctrlKey: true }, 'redo'],
    ['Ctrl+C', { key: 'c', ctrlKey: true }, 'copy'],
    ['Ctrl+X', { key: 'x', ctrlKey: true }, 'cut'],
    ['Ctrl+V', { key: 'v', ctrlKey: true }, 'paste'],
    ['Ctrl+D', { key: 'd', ctrlKey: true }, 'duplicate'],
    ['Ctrl+A', { key: 'a', ctrlKey: true }, 'selectAll'],
    ['Ctrl+S', { key: 's', ctrlKey: true }, 'save'],
    ['Ctrl+Shift+S', { key: 'S', ctrlKey: true, shiftKey: true }, 'saveAs'],
    ['Ctrl+O', { key: 'o', ctrlKey: true }, 'open'],
    ['Alt+N', { key: 'n', altKey: true }, 'newBoard'],
    ['?', { key: '?', shiftKey: true }, 'showShortcuts'],
    ['Shift+1', { key: '!', code: 'Digit1', shiftKey: true }, 'fit'],
    ['+', { key: '+' }, 'zoomIn'],
    ['=', { key: '=' }, 'zoomIn'],
    ['-', { key: '-' }, 'zoomOut'],
    ['Shift+G', { key: 'G', shiftKey: true }, 'toggleSnap'],
    ['Shift+D', { key: 'D', shiftKey: true }, 'toggleTheme'],
    ['Escape', { key: 'Escape' }, 'clearSelection'],
  ];

  it.each(cases)('%s → %s', (_name, init, action) => {
    const { handled, called, event } = press(init);
    expect(handled).toBe(true);
    expect(called).toEqual([action]);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('a palette letter adds that component', () => {
    const { handled, h, event } = press({ key: 'c' });
    expect(handled).toBe(true);
    expect(h.addByKey).toHaveBeenCalledWith('c');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('a letter bound to nothing is left to the browser', () => {
    const free = [...'abcdefghijklmnopqrstuvwxyz'].find((k) => kindForKey(k) === undefined) ?? 'j';
    const { handled, event } = press({ key: free });
    expect(handled).toBe(false);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('Shift+letter does not add a component', () => {
    const { h } = press({ key: 'C', shiftKey: true });
    expect(h.addByKey).not.toHaveBeenCalled();
  });

  it.each([
    ['an input', new FakeElement('INPUT')],
    ['a textarea', new FakeElement('TEXTAREA')],
    ['a select', new FakeElement('SELECT')],
    ['a contenteditable label', new FakeElement('DIV', true)],
  ])('ignores keys typed into %s (letters, undo, delete are the field’s own)', (_name, target) => {
    for (const init of [
      { key: 'c' },
      { key: 'z', ctrlKey: true },
      { key: '?' },
      { key: 'Escape' },
      { key: 'a', ctrlKey: true },
    ]) {
      const { handled, called, event } = press({ ...init, target });
      expect(handled).toBe(false);
      expect(called).toEqual([]);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('still saves and opens while typing in a field', () => {
    expect(press({ key: 's', ctrlKey: true, target: new FakeElement('TEXTAREA') }).called).toEqual(['save']);
    expect(press({ key: 'o', metaKey: true, target: new FakeElement('INPUT') }).called).toEqual(['open']);
  });

  it('ignores keydown events without a key (Chrome autofill sends them)', () => {
    const { handled, called } = press({ key: undefined as unknown as string });
    expect(handled).toBe(false);
    expect(called).toEqual([]);
  });

  it('other Ctrl and Alt combinations are left to the browser', () => {
    expect(press({ key: 'p', ctrlKey: true }).handled).toBe(false);
    expect(press({ key: 'c', altKey: true }).handled).toBe(false);
  });

  it('the shortcut sheet gives keys and an action on every line', () => {
    expect(SHORTCUTS.length).toBeGreaterThan(10);
    for (const s of SHORTCUTS) {
      expect(s.keys.trim()).not.toBe('');
      expect(s.action.trim()).not.toBe('');
    }
  });
});
