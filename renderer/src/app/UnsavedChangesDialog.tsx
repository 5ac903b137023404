import { Modal } from '../ui/Modal';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/**
 * Save / Don't save / Cancel before New or Open replaces a board with unsaved changes, as the desktop
 * close asks. In a live room it asks even when everything is saved: the board it replaces is everyone's.
 */
export function UnsavedChangesDialog({
  fileName,
  action,
  dirty,
  live,
  onChoose,
}: {
  readonly fileName: string | null;
  /** What happens next: "start a new board", "open another board". */
  readonly action: string;
  /** The board differs from its file: offer to save it first. */
  readonly dirty: boolean;
  /** The board is a live room's: partners see it replaced too. */
  readonly live: boolean;
  readonly onChoose: (choice: UnsavedChoice) => void;
}) {
  const board = fileName ?? 'this board';
  return (
    <Modal title={live ? "Replace the room's board?" : 'Unsaved changes'} onClose={() => onChoose('cancel')}>
      <div className="form" data-testid="unsaved-dialog">
        {dirty ? (
          <p>
            Do you want to save the changes you made to {board} before you {action}?
          </p>
        ) : (
          <p>Do you want to {action}?</p>
        )}
        {live ? (
          <p className="warning" data-testid="unsaved-live">
            You are in a live room: the new board replaces this one for everyone in it.
          </p>
        ) : (
          <p className="muted">If you don't save, they are gone: the new board replaces this one.</p>
        )}
        <div className="button-row">
          {dirty && (
            <button type="button" className="primary" data-testid="unsaved-save" onClick={() => onChoose('save')}>
              Save
            </button>
          )}
          <button
            type="button"
            className={dirty ? 'secondary' : 'primary'}
            data-testid="unsaved-discard"
            onClick={() => onChoose('discard')}
          >
            {dirty ? "Don't save" : 'Replace'}
          </button>
          <button type="button" className="secondary" data-testid="unsaved-cancel" onClick={() => onChoose('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
