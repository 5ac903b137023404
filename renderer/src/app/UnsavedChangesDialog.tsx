import { Modal } from '../ui/Modal';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** Save / Don't save / Cancel before New or Open replaces a board with unsaved changes, as the desktop close asks. */
export function UnsavedChangesDialog({
  fileName,
  action,
  onChoose,
}: {
  readonly fileName: string | null;
  /** What happens next: "start a new board", "open another board". */
  readonly action: string;
  readonly onChoose: (choice: UnsavedChoice) => void;
}) {
  return (
    <Modal title="Unsaved changes" onClose={() => onChoose('cancel')}>
      <div className="form" data-testid="unsaved-dialog">
        <p>
          Do you want to save the changes you made to {fileName ?? 'this board'} before you {action}?
        </p>
        <p className="muted">If you don't save, they are gone: the new board replaces this one.</p>
        <div className="button-row">
          <button type="button" className="primary" data-testid="unsaved-save" onClick={() => onChoose('save')}>
            Save
          </button>
          <button type="button" className="secondary" data-testid="unsaved-discard" onClick={() => onChoose('discard')}>
            Don't save
          </button>
          <button type="button" className="secondary" data-testid="unsaved-cancel" onClick={() => onChoose('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
