import { boardRoots } from '@shared/board/doc';
import type { StepId } from '@shared/framework/steps';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { useBoardSession, useDocValue } from '../board/context';
import { mapCaret } from './caret';

const notesOf = (step: string) => (doc: Y.Doc) => boardRoots(doc).notes.get(step)?.toString() ?? '';

/**
 * A step's notes, bound to its Y.Text: each keystroke writes only the changed
 * span (setNotes), so a partner typing elsewhere in the same notes is kept,
 * and their edits keep this user's caret where it was.
 */
export function NotesEditor({ step, label, readOnly }: { step: StepId; label: string; readOnly?: boolean }) {
  const { editor } = useBoardSession();
  const select = useMemo(() => notesOf(step), [step]);
  const text = useDocValue(select);
  const ref = useRef<HTMLTextAreaElement>(null);
  // What the textarea showed, and its selection, as of the last local event:
  // by the time a layout effect runs, React has already replaced the value and
  // the browser has moved the caret to the end.
  const shown = useRef(text);
  const selection = useRef({ start: 0, end: 0 });
  const remember = (el: HTMLTextAreaElement) => {
    shown.current = el.value;
    selection.current = { start: el.selectionStart, end: el.selectionEnd };
  };

  useLayoutEffect(() => {
    const el = ref.current;
    const prev = shown.current;
    shown.current = text;
    // Our own keystroke already matches; only a partner's edit needs the caret moved.
    if (!el || prev === text || document.activeElement !== el) return;
    const start = mapCaret(prev, text, selection.current.start);
    const end = mapCaret(prev, text, selection.current.end);
    el.setSelectionRange(start, end);
    selection.current = { start, end };
  }, [text]);

  return (
    <textarea
      ref={ref}
      className="notes-editor"
      aria-label={label}
      data-testid={`notes-${step}`}
      value={text}
      readOnly={readOnly}
      spellCheck
      placeholder={readOnly ? 'No notes yet.' : 'Write your answer for this step…'}
      onSelect={(e) => remember(e.currentTarget)}
      onChange={(e) => {
        remember(e.currentTarget);
        editor.setNotes(step, e.currentTarget.value);
      }}
    />
  );
}
