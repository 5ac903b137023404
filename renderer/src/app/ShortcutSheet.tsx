import { COMMANDS, type CommandSpec, formatChord, keysOf } from '@shared/commands/commands';
import { Modal } from '../ui/Modal';
import { keyPlatform } from './shortcuts';

/** Mouse gestures: not commands, so not in the command list, but a new user looks for them here too. */
const GESTURES: readonly { readonly keys: string; readonly action: string }[] = [
  {
    keys: 'Drag from the palette, click it, or press its letter',
    action: 'Add a component (at the pointer, or near the centre)',
  },
  { keys: 'Drag from the dot on a component', action: 'Connect it to another component' },
  { keys: 'Shift + drag, Shift/Ctrl + click', action: 'Select several' },
];

/** The sheet's rows for the commands: each command with a description, its keys as this platform writes them. */
export const sheetRows = (platform = keyPlatform()) =>
  (COMMANDS as readonly CommandSpec[])
    .filter((c) => c.sheet && keysOf(c, platform).length > 0)
    .map((c) => ({ id: c.id, keys: keysOf(c, platform).map((k) => formatChord(k, platform)), action: c.sheet! }));

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      <table className="shortcuts" data-testid="shortcut-sheet">
        <tbody>
          {sheetRows().map((row) => (
            <tr key={row.id} data-command={row.id}>
              <td>
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{row.action}</td>
            </tr>
          ))}
          {GESTURES.map((g) => (
            <tr key={g.keys}>
              <td>{g.keys}</td>
              <td>{g.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
