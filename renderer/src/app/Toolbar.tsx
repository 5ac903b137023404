import { FilePlus, FolderOpen, Grid3x3, Keyboard, Maximize, Moon, Redo2, Save, Sun, Undo2 } from 'lucide-react';
import type { ReactNode } from 'react';
import type { EditorCommands } from '../canvas/useEditorCommands';
import type { FileCommands } from '../files/useFileCommands';
import { usePrefs } from './theme';

interface ToolbarProps {
  readonly commands: EditorCommands;
  readonly files: FileCommands;
  readonly title: string;
  readonly fileName: string | null;
  readonly dirty: boolean;
  readonly onNew: () => void;
  readonly onShortcuts: () => void;
  /** Feature buttons (interview, share, export) slotted in by the app. */
  readonly children?: ReactNode;
}

export function Toolbar({ commands, files, title, fileName, dirty, onNew, onShortcuts, children }: ToolbarProps) {
  const { theme, snap, toggleTheme, toggleSnap } = usePrefs();
  return (
    <header className="toolbar">
      <div className="brand">
        <strong>Archdrill</strong>
        <span className="question" data-testid="question-title">
          {title}
        </span>
        <span className="file" data-testid="file-name">
          {fileName ?? 'Untitled'}
          {dirty && <span title="Unsaved changes in the file (the board itself is autosaved)"> •</span>}
        </span>
      </div>
      <div className="tools" role="toolbar" aria-label="Board">
        <Btn label="New board (Alt+N)" onClick={onNew} testId="btn-new">
          <FilePlus size={16} />
        </Btn>
        <Btn label="Open… (Ctrl+O)" onClick={files.open} testId="btn-open">
          <FolderOpen size={16} />
        </Btn>
        <Btn label="Save (Ctrl+S)" onClick={files.save} testId="btn-save">
          <Save size={16} />
        </Btn>
        <span className="sep" />
        <Btn label="Undo (Ctrl+Z)" onClick={commands.undo} testId="btn-undo">
          <Undo2 size={16} />
        </Btn>
        <Btn label="Redo (Ctrl+Shift+Z)" onClick={commands.redo} testId="btn-redo">
          <Redo2 size={16} />
        </Btn>
        <span className="sep" />
        <Btn label={`Snap to grid: ${snap ? 'on' : 'off'} (Shift+G)`} onClick={toggleSnap} pressed={snap} testId="btn-snap">
          <Grid3x3 size={16} />
        </Btn>
        <Btn label="Zoom to fit (Shift+1)" onClick={commands.fit} testId="btn-fit">
          <Maximize size={16} />
        </Btn>
        <Btn label={`${theme === 'dark' ? 'Light' : 'Dark'} theme (Shift+D)`} onClick={toggleTheme} testId="btn-theme">
          {theme === 'dark' ? <Sun size={16} /> : <Moon size={16} />}
        </Btn>
        <Btn label="Keyboard shortcuts (?)" onClick={onShortcuts} testId="btn-shortcuts">
          <Keyboard size={16} />
        </Btn>
        {children && <span className="sep" />}
        {children}
      </div>
    </header>
  );
}

function Btn(props: { label: string; onClick: () => void; children: ReactNode; pressed?: boolean; testId: string }) {
  return (
    <button
      type="button"
      className="icon"
      title={props.label}
      aria-label={props.label}
      aria-pressed={props.pressed}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
