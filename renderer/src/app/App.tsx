import { readBoard, readQuestion } from '@shared/board/doc';
import { kindForKey } from '@shared/catalogue/catalogue';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { useBoardSession, useDocValue } from '../board/context';
import { Canvas } from '../canvas/Canvas';
import { useEditorCommands } from '../canvas/useEditorCommands';
import { JoinDialog } from '../collab/JoinDialog';
import { PresenceBar } from '../collab/PresenceBar';
import { ShareDialog } from '../collab/ShareDialog';
import { ExportControls } from '../export/ExportControls';
import { fileDropHandlers } from '../export/fileDrop';
import { openExportDialog, useExport } from '../export/useExport';
import { boardHash, createFileStore } from '../files/fileState';
import { useFileCommands } from '../files/useFileCommands';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { Toasts } from '../ui/Toasts';
import { ShortcutSheet } from './ShortcutSheet';
import { handleShortcut } from './shortcuts';
import { Toolbar } from './Toolbar';
import { usePrefs } from './theme';

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}

function Editor() {
  const session = useBoardSession();
  const { platform, store } = session;
  const commands = useEditorCommands();
  const fileStore = useMemo(createFileStore, []);
  const files = useFileCommands(fileStore);
  const file = useStore(fileStore);
  const { theme, snap, toggleSnap, toggleTheme } = usePrefs();
  const [sheet, setSheet] = useState(false);
  const [dialog, setDialog] = useState<'share' | 'join' | null>(null);
  const readOnly = session.collab?.room.readOnly ?? false;
  const question = useDocValue(readQuestion);
  const exporter = useExport(file.name);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Dirty = the board differs from the file as last saved (hashing ~300 nodes takes well under a millisecond).
  const hash = useDocValue(hashDoc);
  const dirty = file.savedHash !== null ? hash !== file.savedHash : hash !== EMPTY_HASH;
  useEffect(() => platform.setTitle(file.name, dirty), [platform, file.name, dirty]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]') && e.key !== '?') return;
      const edit = <T,>(fn: T): T | (() => void) => (readOnly ? () => {} : fn);
      handleShortcut(e, {
        ...commands,
        undo: edit(commands.undo),
        redo: edit(commands.redo),
        cut: edit(commands.cut),
        paste: edit(commands.paste),
        duplicate: edit(commands.duplicate),
        save: files.save,
        saveAs: files.saveAs,
        open: files.open,
        newBoard: () => files.newBoard(question),
        toggleSnap,
        toggleTheme,
        showShortcuts: () => setSheet((s) => !s),
        exportImage: () => openExportDialog(),
        copyImage: () => void exporter.copyImage(),
        clearSelection: () => store.getState().select({}),
        addByKey: (key) => {
          const kind = readOnly ? undefined : kindForKey(key);
          if (!kind) return false;
          commands.add(kind);
          return true;
        },
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, files, question, store, toggleSnap, toggleTheme, readOnly, exporter]);

  useEffect(
    () =>
      platform.onMenuCommand((cmd) => {
        const table: Record<string, () => unknown> = {
          new: () => files.newBoard(question),
          open: files.open,
          save: files.save,
          'save-as': files.saveAs,
          undo: commands.undo,
          redo: commands.redo,
          'select-all': commands.selectAll,
          'zoom-in': commands.zoomIn,
          'zoom-out': commands.zoomOut,
          'zoom-fit': commands.fit,
          'toggle-theme': toggleTheme,
          shortcuts: () => setSheet(true),
          'export-png': () => openExportDialog('png'),
          'export-svg': () => openExportDialog('svg'),
          'export-report': () => exporter.exportReport('html'),
          'export-pdf': () => exporter.exportReport('pdf'),
        };
        table[cmd]?.();
      }),
    [platform, files, commands, question, toggleTheme, exporter],
  );
  useEffect(() => platform.onOpenFile((f) => void files.openFile(f)), [platform, files]);

  return (
    <div className="app">
      <Toolbar
        commands={commands}
        files={files}
        title={question ?? 'Free design'}
        fileName={file.name}
        dirty={dirty}
        onNew={() => files.newBoard(question)}
        onShortcuts={() => setSheet(true)}
      >
        <ExportControls exporter={exporter} title={question ?? null} />
        <PresenceBar />
        <button type="button" className="secondary" data-testid="btn-share" onClick={() => setDialog('share')}>
          {session.collab ? 'Invite' : 'Host a session'}
        </button>
        {!session.collab && (
          <button type="button" className="secondary" data-testid="btn-join" onClick={() => setDialog('join')}>
            Join
          </button>
        )}
      </Toolbar>
      <main
        className={`workspace${readOnly ? ' read-only' : ''}`}
        {...(!readOnly && fileDropHandlers(files.openFile))}
      >
        {!readOnly && <Palette commands={commands} />}
        <Canvas snapToGrid={snap} colorMode={theme} readOnly={readOnly} />
        <div className="sidebar">
          <Inspector />
        </div>
      </main>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinDialog onClose={() => setDialog(null)} />}
      <Toasts />
    </div>
  );
}

const EMPTY_HASH = boardHash({ nodes: [], edges: [], notes: {} });

const hashDoc = (doc: Y.Doc) => boardHash(readBoard(doc));
