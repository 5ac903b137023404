import { type CommandId, commandSpec, formatChord, keysOf } from '@shared/commands/commands';
import {
  FilePlus,
  FolderOpen,
  Grid3x3,
  Keyboard,
  Map as MapIcon,
  Maximize,
  Moon,
  PanelLeft,
  PanelRight,
  Redo2,
  Save,
  Sun,
  Undo2,
} from 'lucide-react';
import type { ReactNode } from 'react';
import type { BoardEditor } from '../board/editor';
import { useHistoryState } from '../board/useHistoryState';
import type { EditorCommands } from '../canvas/useEditorCommands';
import type { FileCommands } from '../files/useFileCommands';
import { keyPlatform } from './shortcuts';
import { usePanels, usePrefs } from './theme';

interface ToolbarProps {
  readonly commands: EditorCommands;
  /** Decides what the edit buttons may do: a spectator's are disabled, Undo/Redo only when there is a step. */
  readonly editor: BoardEditor;
  readonly files: FileCommands;
  readonly title: string;
  readonly fileName: string | null;
  readonly dirty: boolean;
  readonly onNew: () => void;
  readonly onOpen: () => void;
  readonly onShortcuts: () => void;
  /** Feature buttons (interview, share, export) slotted in by the app. */
  readonly children?: ReactNode;
}

export function Toolbar({ commands, editor, files, title, fileName, dirty, onNew, onOpen, onShortcuts, children }: ToolbarProps) {
  const { theme, snap, toggleTheme, toggleSnap } = usePrefs();
  const panels = usePanels();
  const { canUndo, canRedo } = useHistoryState(editor);
  const spectator = editor.readOnly;
  return (
    <header className="toolbar">
      <div className="brand">
        <strong>Archdrill</strong>
        <span className="question" data-testid="question-title" title={title}>
          {title}
        </span>
        <span className="file" data-testid="file-name" title={fileName ?? 'Untitled'}>
          {fileName ?? 'Untitled'}
          {dirty && <span title="Unsaved changes in the file (the board itself is autosaved)"> •</span>}
        </span>
      </div>
      <div className="tools" role="toolbar" aria-label="Board">
        <Btn command="new" onClick={onNew} disabled={spectator}>
          <FilePlus size={16} />
        </Btn>
        <Btn command="open" onClick={onOpen} disabled={spectator}>
          <FolderOpen size={16} />
        </Btn>
        <Btn command="save" onClick={files.save}>
          <Save size={16} />
        </Btn>
        <span className="sep" />
        <Btn command="undo" onClick={commands.undo} disabled={!canUndo}>
          <Undo2 size={16} />
        </Btn>
        <Btn command="redo" onClick={commands.redo} disabled={!canRedo}>
          <Redo2 size={16} />
        </Btn>
        <span className="sep" />
        <Btn command="toggle-snap" label={`Snap to grid: ${snap ? 'on' : 'off'}`} onClick={toggleSnap} pressed={snap}>
          <Grid3x3 size={16} />
        </Btn>
        <Btn command="zoom-fit" onClick={commands.fit}>
          <Maximize size={16} />
        </Btn>
        <Btn command="toggle-palette" label="Components panel" onClick={panels.togglePalette} pressed={panels.palette}>
          <PanelLeft size={16} />
        </Btn>
        <Btn command="toggle-sidebar" label="Side panel" onClick={panels.toggleSidebar} pressed={panels.sidebar}>
          <PanelRight size={16} />
        </Btn>
        <Btn command="toggle-minimap" label="Minimap" onClick={panels.toggleMinimap} pressed={panels.minimap}>
          <MapIcon size={16} />
        </Btn>
        <Btn command="toggle-theme" label={`${theme === 'dark' ? 'Light' : 'Dark'} theme`} onClick={toggleTheme}>
          {theme === 'dark' ? <Sun size={16} /> : <Moon size={16} />}
        </Btn>
        <Btn command="shortcuts" onClick={onShortcuts}>
          <Keyboard size={16} />
        </Btn>
        {children && <span className="sep" />}
        {children}
      </div>
    </header>
  );
}

/** A toolbar button for a command of the one list: its tooltip names the command's first key. */
export const commandTitle = (id: CommandId, label?: string) => {
  const spec = commandSpec(id);
  const key = keysOf(spec, keyPlatform())[0];
  return `${label ?? spec.label.replace(/…$/, '')}${key ? ` (${formatChord(key, keyPlatform())})` : ''}`;
};

interface BtnProps {
  readonly command: CommandId;
  readonly label?: string;
  readonly onClick: () => void;
  readonly children: ReactNode;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
}

function Btn(props: BtnProps) {
  const title = commandTitle(props.command, props.label);
  return (
    <button
      type="button"
      className="icon"
      title={title}
      aria-label={title}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={`btn-${TEST_IDS[props.command] ?? props.command}`}
    >
      {props.children}
    </button>
  );
}

/** Test ids the browser tests already use. */
const TEST_IDS: Partial<Record<CommandId, string>> = { 'toggle-snap': 'snap', 'zoom-fit': 'fit', 'toggle-theme': 'theme' };
