import { useEffect, useRef, useState } from 'react';
import { LaidOutLines } from './LaidOutLines';

interface InlineLabelProps {
  readonly value: string;
  readonly placeholder: string;
  readonly editing: boolean;
  readonly multiline?: boolean;
  /** Show the placeholder as a real name (a component's kind), not greyed out. */
  readonly placeholderIsName?: boolean;
  /** The text as laid out by shared/export (one element per line), so the canvas breaks where exports do. */
  readonly lines?: readonly string[];
  readonly onCommit: (value: string) => void;
  readonly onDone: () => void;
}

/**
 * A label that turns into an input in place; Enter (or blur) commits, Escape cancels. Enter and Escape
 * give focus back to the node, so its shortcuts (Delete, F2, arrows) work without a click first.
 */
export function InlineLabel({
  value,
  placeholder,
  editing,
  multiline,
  placeholderIsName,
  lines,
  onCommit,
  onDone,
}: InlineLabelProps) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (editing) setDraft(value);
  }, [editing, value]);
  // After the field is gone: focusing the node while it is still there would blur it, which commits.
  useEffect(() => {
    if (editing || !returnFocusTo.current) return;
    returnFocusTo.current.focus();
    returnFocusTo.current = null;
  }, [editing]);
  if (!editing)
    return (
      <span className={value || placeholderIsName ? 'label' : 'label placeholder'}>
        {lines && lines.length > 0 ? <LaidOutLines source={value || placeholder} lines={lines} /> : value || placeholder}
      </span>
    );
  const commit = () => {
    if (draft !== value) onCommit(draft);
    onDone();
  };
  const props = {
    ref,
    className: 'nodrag nopan label-input',
    'aria-label': 'Label',
    // An unnamed component's field opens empty: the grey name says it is still called that, not erased.
    placeholder: placeholderIsName ? placeholder : undefined,
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    // Focus and select as the field mounts, not a frame later: a person who presses F2 and types at
    // once would otherwise lose the first letters, or have them selected and replaced by the next one.
    autoFocus: true,
    onFocus: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => e.currentTarget.select(),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      e.stopPropagation();
      const ends = e.key === 'Escape' || (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey));
      if (ends) returnFocusTo.current = e.currentTarget.closest<HTMLElement>('.react-flow__node');
      if (e.key === 'Escape') onDone();
      else if (ends) commit();
    },
  };
  return multiline ? <textarea {...props} /> : <input {...props} />;
}
