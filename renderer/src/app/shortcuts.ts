import { COMMANDS, type CommandId, type CommandSpec, type KeyPlatform, keysOf, parseChord } from '@shared/commands/commands';

/** The platform whose modifier names the sheet shows (Cmd on macOS). */
export const keyPlatform = (): KeyPlatform =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';

/** True when a key typed at `t` belongs to a text field, not to the board. */
export const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

const isActivatable = (t: EventTarget | null) => t instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(t.tagName);

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>;

const SYMBOLS = new Set(['?', '+', '=', '-', '!']);

/** Whether a keydown is `chord`. Letters also match by physical key, for non-Latin layouts. */
export const matchesChord = (e: Key, chord: string, platform: KeyPlatform): boolean => {
  const c = parseChord(chord);
  const wantCtrl = platform === 'mac' ? c.ctrl : c.mod || c.ctrl;
  const wantMeta = platform === 'mac' && c.mod;
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== c.alt) return false;
  if (SYMBOLS.has(c.key)) return e.key === c.key;
  if (c.shift !== e.shiftKey) return false;
  if (/^[A-Z]$/i.test(c.key)) return e.key.toLowerCase() === c.key.toLowerCase() || e.code === `Key${c.key.toUpperCase()}`;
  if (/^\d$/.test(c.key)) return e.code === `Digit${c.key}` || e.key === c.key;
  // Enter on a focused button presses the button, not Rename.
  if (c.key === 'Enter' && isActivatable(e.target)) return false;
  return e.key === c.key;
};

/** The command a keydown means, if any (keys typed into a field mean nothing, but Save and Open still work). */
export const commandForKey = (e: Key, platform: KeyPlatform = keyPlatform()): CommandId | null => {
  // Chrome's autofill dispatches keydown events without a key.
  if (typeof e.key !== 'string') return null;
  const typing = isTyping(e.target);
  for (const spec of COMMANDS as readonly CommandSpec[]) {
    if (typing && !spec.inFields) continue;
    if (keysOf(spec, platform).some((chord) => matchesChord(e, chord, platform))) return spec.id as CommandId;
  }
  return null;
};

/** A plain letter with no modifier: the key that adds a component of its kind. */
export const letterKey = (e: Key): string | null =>
  !e.ctrlKey &&
  !e.metaKey &&
  !e.altKey &&
  !e.shiftKey &&
  typeof e.key === 'string' &&
  /^[a-z]$/i.test(e.key) &&
  !isTyping(e.target)
    ? e.key.toLowerCase()
    : null;

/** Three letters within this long, with nothing being edited, is typing: no component per letter. */
const BURST_MS = 1000;
const BURST_KEYS = 3;

/**
 * Tells a deliberate letter key (L adds a load balancer) from typing that
 * missed its field ("Redirect service" with nothing in edit). `press` says
 * whether this letter may add a component; once a burst is detected, `burst`
 * returns the ids added by the burst's earlier letters, to take back.
 */
export class LetterBurst {
  private presses: { at: number; added: string | null }[] = [];
  private typingUntil = 0;

  /** A letter at `now`: false once the letters come too fast to be commands. */
  press(now: number): boolean {
    this.presses = this.presses.filter((p) => now - p.at < BURST_MS);
    if (now < this.typingUntil || this.presses.length + 1 >= BURST_KEYS) {
      this.typingUntil = now + BURST_MS;
      return false;
    }
    return true;
  }

  /** Records what the last allowed letter added. */
  added(now: number, id: string | null): void {
    this.presses.push({ at: now, added: id });
  }

  /** The components the burst's first letters added (then forgets them). */
  takeBack(): string[] {
    const ids = this.presses.flatMap((p) => (p.added ? [p.added] : []));
    this.presses = [];
    return ids;
  }

  /** Anything else (a click, another key) ends a burst. */
  reset(): void {
    this.presses = [];
    this.typingUntil = 0;
  }
}
