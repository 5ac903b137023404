import { kindForKey } from '@shared/catalogue/catalogue';
import { type CommandId, commandSpec } from '@shared/commands/commands';
import { useEffect, useRef } from 'react';
import { useBoardSession } from '../board/context';
import type { EditorCommands } from '../canvas/useEditorCommands';
import { commandForKey, isTyping, LetterBurst, letterKey } from './shortcuts';

/** What each command does; returning false means "not applicable now", so the key keeps its usual meaning. */
export type CommandTable = Readonly<Record<CommandId, () => unknown>>;

/**
 * The page's keyboard: each keydown is matched against the one command list,
 * then a plain letter adds a component of its kind, unless text is being
 * edited anywhere or the letters come as fast as typing.
 */
export function useKeyboard(table: CommandTable, add: EditorCommands['add']) {
  const { editor, store } = useBoardSession();
  const burst = useRef(new LetterBurst());
  useEffect(() => {
    // A person placing components moves or clicks between keys; a typist does not.
    let last = { x: 0, y: 0 };
    const endBurst = () => burst.current.reset();
    const onMove = (e: PointerEvent) => {
      if (Math.hypot(e.clientX - last.x, e.clientY - last.y) < 8) return;
      last = { x: e.clientX, y: e.clientY };
      burst.current.reset();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const inDialog = document.querySelector('dialog[open]') !== null;
      const id = commandForKey(e);
      if (id) {
        burst.current.reset();
        // A dialog owns the keyboard, but ? still toggles the sheet over it.
        if (inDialog && id !== 'shortcuts') return;
        if (editor.readOnly && commandSpec(id).edits) return;
        if (table[id]() === false) return;
        e.preventDefault();
        return;
      }
      const letter = letterKey(e);
      if (!letter) {
        if (e.key !== 'Shift') burst.current.reset();
        return;
      }
      if (inDialog || editor.readOnly || store.getState().editingId !== null || isTyping(document.activeElement)) return;
      const kind = kindForKey(letter);
      if (!kind) return;
      e.preventDefault();
      const now = performance.now();
      if (!burst.current.press(now)) {
        // Typing that missed its field: take back what its first letters added.
        for (const _ of burst.current.takeBack()) editor.undo();
        return;
      }
      burst.current.added(now, add(kind));
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', endBurst);
    window.addEventListener('pointermove', onMove);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', endBurst);
    };
  }, [table, add, editor, store]);
}
