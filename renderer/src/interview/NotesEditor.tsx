import { boardRoots, observeBoard } from '@shared/board/doc';
import type { StepId } from '@shared/framework/steps';
import { useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useBoardSession } from '../board/context';
import { mapCaret } from './caret';

const notesOf = (doc: Y.Doc, step: string) => boardRoots(doc).notes.get(step)?.toString() ?? '';

/**
 * A step's notes, bound to its Y.Text: each keystroke writes only the changed
 * span (setNotes), so a partner typing elsewhere in the same notes is kept,
 * and their edits keep this user's caret where it was.
 *
 * The textarea is not a controlled one: React writes a controlled textarea's
 * default value on every keystroke, and each write cuts the browser's own undo
 * into single letters (Ctrl+Z took back one character at a time). The doc's
 * text is written in only when it differs from what is shown: a partner's edit,
 * the estimate calculator, a board opened.
 */
export function NotesEditor({ step, label, readOnly }: { step: StepId; label: string; readOnly?: boolean }) {
  const { doc, editor } = useBoardSession();
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const show = () => {
      const prev = el.value;
      const text = notesOf(doc, step);
      if (prev === text) return;
      const focused = document.activeElement === el;
      const { selectionStart, selectionEnd } = el;
      el.value = text;
      if (!focused) return;
      el.setSelectionRange(mapCaret(prev, text, selectionStart), mapCaret(prev, text, selectionEnd));
    };
    show();
    return observeBoard(doc, show);
  }, [doc, step]);

  return (
    <textarea
      ref={ref}
      className="notes-editor"
      aria-label={label}
      data-testid={`notes-${step}`}
      readOnly={readOnly}
      spellCheck
      placeholder={readOnly ? 'No notes yet.' : 'Write your answer for this step…'}
      onChange={(e) => editor.setNotes(step, e.currentTarget.value)}
    />
  );
}
