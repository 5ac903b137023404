import { type ReactNode, useEffect, useRef } from 'react';
import { focusHome } from './focusHome';

/**
 * A modal dialog on the native <dialog> element: focus trap, Escape closes. Focus starts on the
 * element marked `data-autofocus` (the action Enter should take), else on the first control: the
 * close button, so Enter never does more than dismiss. Closing gives focus back to what had it, or, when
 * that is gone (the End button that opened the scorecard), to the canvas, so the keyboard keeps working.
 */
export function Modal({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      d?.close();
      focusHome();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' wide' : ''}`}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header>
        <h2>{title}</h2>
        <button type="button" className="icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
