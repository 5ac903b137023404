import { readBoard, readQuestion } from '@shared/board/doc';
import { kindForKey } from '@shared/catalogue/catalogue';
import type { AttemptRecord } from '@shared/interview/history';
import { applyTimer } from '@shared/interview/timerDoc';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { useBoardSession, useDocValue } from '../board/context';
import { useQuietDocValue } from '../board/useQuietDocValue';
import { Canvas } from '../canvas/Canvas';
import { useEditorCommands } from '../canvas/useEditorCommands';
import { JoinDialog } from '../collab/JoinDialog';
import { PresenceBar } from '../collab/PresenceBar';
import { ShareDialog } from '../collab/ShareDialog';
import { ExportControls } from '../export/ExportControls';
import { fileDropHandlers } from '../export/fileDrop';
import { liveReportSource } from '../export/reportSource';
import { openExportDialog, useExport } from '../export/useExport';
import { boardHash, createFileStore } from '../files/fileState';
import { useFileCommands } from '../files/useFileCommands';
import { AttemptScorecard, ProgressPage, ReplayDialog, Scorecard, scorerFor, TimerBar } from '../interview';
import { useAttemptActions } from '../interview/useAttemptActions';
import { Palette } from '../palette/Palette';
import { findRubric, QuestionPicker } from '../score';
import { useUserRubrics } from '../score/useUserRubrics';
import { Toasts } from '../ui/Toasts';
import { ShortcutSheet } from './ShortcutSheet';
import { Sidebar } from './Sidebar';
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
  const [dialog, setDialog] = useState<'share' | 'join' | 'question' | 'history' | 'scorecard' | null>(null);
  const readOnly = session.collab?.room.readOnly ?? false;
  const question = useDocValue(readQuestion);
  const user = useUserRubrics(platform);
  const rubric = useMemo(() => findRubric(question, user.rubrics), [question, user.rubrics]);
  const reportSource = useMemo(() => liveReportSource(session.doc, rubric), [session.doc, rubric]);
  const exporter = useExport(file.name, reportSource);
  const score = useMemo(() => (rubric ? scorerFor(rubric) : undefined), [rubric]);
  const rubricFor = useCallback((q: string) => findRubric(q, user.rubrics), [user.rubrics]);
  const attempts = useAttemptActions(files.newBoard);
  // An attempt from History shown as its scorecard or its replay (over the live board, which it never touches).
  const [attempt, setAttempt] = useState<{
    view: 'scorecard' | 'replay';
    id: string;
    title: string;
    record?: AttemptRecord;
  } | null>(null);
  const openAttemptBoard = (record: AttemptRecord) =>
    files.openFile({ name: `${record.question || 'attempt'}.archdrill.json`, bytes: new TextEncoder().encode(record.boardFile) });
  const reloadUserRubrics = user.reload;
  const pickQuestion = useCallback(() => {
    void reloadUserRubrics();
    setDialog('question');
  }, [reloadUserRubrics]);

  // First visit: an empty board with no question opens the question picker.
  useEffect(() => {
    if (session.collab || localStorage.getItem('archdrill.welcomed')) return;
    localStorage.setItem('archdrill.welcomed', '1');
    if (readQuestion(session.doc) === undefined && readBoard(session.doc).nodes.length === 0) setDialog('question');
  }, [session]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Dirty = the board differs from the file as last saved; hashed when edits pause, not on every keystroke.
  const hash = useQuietDocValue(hashDoc, 300);
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
        newBoard: edit(pickQuestion),
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
  }, [commands, files, pickQuestion, store, toggleSnap, toggleTheme, readOnly, exporter]);

  useEffect(
    () =>
      platform.onMenuCommand((cmd) => {
        const table: Record<string, () => unknown> = {
          new: pickQuestion,
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
    [platform, files, commands, pickQuestion, toggleTheme, exporter],
  );
  useEffect(() => platform.onOpenFile((f) => void files.openFile(f)), [platform, files]);

  return (
    <div className="app">
      <Toolbar
        commands={commands}
        files={files}
        title={rubric?.title ?? question ?? 'Free design'}
        fileName={file.name}
        dirty={dirty}
        onNew={pickQuestion}
        onShortcuts={() => setSheet(true)}
      >
        <button type="button" className="secondary" data-testid="btn-history" onClick={() => setDialog('history')}>
          History
        </button>
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
      <TimerBar score={score} onShowScorecard={() => setDialog('scorecard')} startRequest={attempts.startRequest} />
      <main className={`workspace${readOnly ? ' read-only' : ''}`} {...(!readOnly && fileDropHandlers(files.openFile))}>
        {!readOnly && <Palette commands={commands} />}
        <Canvas snapToGrid={snap} colorMode={theme} readOnly={readOnly} />
        <Sidebar
          rubric={rubric}
          readOnly={readOnly}
          onOpenExample={(name, text) => void files.openFile({ name, bytes: new TextEncoder().encode(text) })}
        />
      </main>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinDialog onClose={() => setDialog(null)} />}
      {dialog === 'question' && (
        <QuestionPicker
          onPick={(id) => {
            session.doc.transact(() => {
              files.newBoard(id);
              applyTimer(session.doc, { type: 'reset' }, Date.now(), session.origin);
            }, session.origin);
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
          userRubrics={user.rubrics}
          {...(user.folder && { userFolder: user.folder })}
          problems={user.problems}
          {...(platform.importUserRubric && {
            onImport: async () => {
              const f = await platform.openFile({ title: 'Add a rubric file', extensions: ['.yaml', '.yml', '.json'] });
              if (!f) return;
              await platform.importUserRubric!({ name: f.name, text: new TextDecoder().decode(f.bytes) });
              await user.reload();
            },
          })}
        />
      )}
      {dialog === 'history' && (
        <ProgressPage
          rubricFor={rubricFor}
          onOpenBoard={(record) => {
            void openAttemptBoard(record);
            setDialog(null);
            setAttempt({ view: 'scorecard', id: record.id, title: record.title, record });
          }}
          onShowScorecard={(record) => {
            setDialog(null);
            setAttempt({ view: 'scorecard', id: record.id, title: record.title, record });
          }}
          onReplay={(record) => {
            setDialog(null);
            setAttempt({ view: 'replay', id: record.id, title: record.title, record });
          }}
          onDrill={(q, step) => {
            setDialog(null);
            void attempts.drill(q, step);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'scorecard' && (
        <Scorecard
          score={score}
          title={rubric?.title}
          onClose={() => setDialog(null)}
          onReplay={(id) => {
            setDialog(null);
            setAttempt({ view: 'replay', id, title: rubric?.title ?? question ?? 'Free design' });
          }}
          onExportReport={() => void exporter.exportReport('html')}
          onTryAgain={() => {
            setDialog(null);
            void attempts.tryAgain(question ?? '');
          }}
        />
      )}
      {attempt?.view === 'scorecard' && attempt.record && (
        <AttemptScorecard
          record={attempt.record}
          rubric={rubricFor(attempt.record.question)}
          onClose={() => setAttempt(null)}
          onReplay={(record) => setAttempt({ view: 'replay', id: record.id, title: record.title, record })}
          onExportReport={(record) => {
            void openAttemptBoard(record).then(() => exporter.exportReport('html'));
          }}
          onTryAgain={(record) => {
            setAttempt(null);
            void attempts.tryAgain(record.question);
          }}
        />
      )}
      {attempt?.view === 'replay' && (
        <ReplayDialog
          attemptId={attempt.id}
          title={attempt.title}
          rubric={rubricFor(attempt.record?.question ?? question ?? '')}
          onClose={() => setAttempt(null)}
        />
      )}
      <Toasts />
    </div>
  );
}

const EMPTY_HASH = boardHash({ nodes: [], edges: [], notes: {} });

const hashDoc = (doc: Y.Doc) => boardHash(readBoard(doc));
