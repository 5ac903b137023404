import { readBoard, readQuestion } from '@shared/board/doc';
import { commandSpec } from '@shared/commands/commands';
import type { AttemptRecord } from '@shared/interview/history';
import { ReactFlowProvider } from '@xyflow/react';
import { History as HistoryIcon } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { useStore } from 'zustand';
import { useBoardSession, useDocValue } from '../board/context';
import { useQuietDocValue } from '../board/useQuietDocValue';
import { Canvas } from '../canvas/Canvas';
import { useEditorCommands } from '../canvas/useEditorCommands';
import { leaveRoom } from '../collab/enterRoom';
import { JoinDialog } from '../collab/JoinDialog';
import { ConnectionNotice, PresenceBar } from '../collab/PresenceBar';
import { ShareDialog } from '../collab/ShareDialog';
import { ExportControls } from '../export/ExportControls';
import { fileDropHandlers } from '../export/fileDrop';
import { liveReportSource } from '../export/reportSource';
import { openExportDialog, useExport } from '../export/useExport';
import { boardHash, createFileStore } from '../files/fileState';
import { useFileCommands } from '../files/useFileCommands';
import {
  AttemptScorecard,
  isAttemptsFile,
  ProgressPage,
  ReplayDialog,
  replayToOpen,
  Scorecard,
  scorerFor,
  TimerBar,
  useAttemptFiles,
} from '../interview';
import { useAttemptActions } from '../interview/useAttemptActions';
import { Palette } from '../palette/Palette';
import type { OpenedFile } from '../platform/types';
import { findRubric, QuestionPicker } from '../score';
import { useUserRubrics } from '../score/useUserRubrics';
import { Toasts } from '../ui/Toasts';
import { ShortcutSheet } from './ShortcutSheet';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { usePanels, usePrefs } from './theme';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';
import { type CommandTable, useKeyboard } from './useKeyboard';

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
  const readOnly = session.editor.readOnly;
  const question = useDocValue(readQuestion);
  const user = useUserRubrics(platform);
  const rubric = useMemo(() => findRubric(question, user.rubrics), [question, user.rubrics]);
  const reportSource = useMemo(() => liveReportSource(session.doc, rubric), [session.doc, rubric]);
  const exporter = useExport(file.name, reportSource);
  const score = useMemo(() => (rubric ? scorerFor(rubric) : undefined), [rubric]);
  const reloadUserRubrics = user.reload;
  // New asks for the question first, and about unsaved work only once one is picked: Escape or Cancel at
  // either step keeps the board as it was, and "Don't save" goes straight to the new board.
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

  // A layout effect: it lands before any child's effect reads the theme's colours (the minimap's canvas).
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // Dirty = the board differs from the file as last saved; hashed when edits pause, not on every keystroke,
  // and again at once on New, Open and Save, so a fresh or just-saved board never shows as modified meanwhile.
  const edited = useQuietDocValue(docVersion, 300);

  // An attempt from History shown as its scorecard or its replay (the replay never touches the live board).
  const [attempt, setAttempt] = useState<{
    view: 'scorecard' | 'replay';
    id: string;
    title: string;
    record?: AttemptRecord;
  } | null>(null);
  // New and Open ask first when the board has unsaved changes, as closing the desktop window does.
  const [unsaved, setUnsaved] = useState<{ action: string; dirty: boolean; then: () => unknown } | null>(null);
  const live = Boolean(session.collab);
  // Asked now, not from the quiet hash: that lags the last edit (and a New) by its delay.
  const isDirty = useCallback(() => {
    const saved = fileStore.getState().savedHash;
    const now = hashDoc(session.doc);
    return saved !== null ? now !== saved : now !== EMPTY_HASH;
  }, [fileStore, session.doc]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each is a reason to hash the board again.
  const dirty = useMemo(isDirty, [isDirty, edited, file]);
  useEffect(() => platform.setTitle(file.name, dirty), [platform, file.name, dirty]);
  const guarded = useCallback(
    (action: string, then: () => unknown) => () => {
      const dirty = isDirty();
      if (dirty || live) setUnsaved({ action, dirty, then });
      else void then();
    },
    [isDirty, live],
  );
  const openBoard = useMemo(() => guarded('open another board', files.open), [guarded, files]);
  const attemptFiles = useAttemptFiles();
  // An attempts file (say, saved from a report's replay link) is added to History, not opened as a board:
  // its one attempt opens in Replay, several open the progress page. The board is not touched, so nothing to ask.
  const importAttemptsFile = useCallback(
    async (f: OpenedFile) => {
      const added = await attemptFiles.importOpened(f);
      const one = replayToOpen(added);
      if (one) {
        setDialog(null);
        setAttempt({ view: 'replay', id: one.id, title: one.title, record: one });
      } else if (added.length > 0) setDialog('history');
      return added.length > 0;
    },
    [attemptFiles],
  );
  const openFile = useCallback(
    (f: OpenedFile) =>
      isAttemptsFile(f)
        ? importAttemptsFile(f)
        : new Promise<boolean>((done) => guarded('open another board', () => files.openFile(f).then(done))()),
    [guarded, files, importAttemptsFile],
  );
  const panels = usePanels();
  const rubricFor = useCallback((q: string) => findRubric(q, user.rubrics), [user.rubrics]);
  // Try again and Drill start on a fresh board of the question, asking first when there is unsaved work.
  const freshBoard = useCallback(
    (q: string) =>
      new Promise<void>((done) =>
        guarded('start a new board', () => {
          session.editor.batch(() => {
            files.newBoard(q || undefined);
            session.editor.timer({ type: 'reset' });
          });
          done();
        })(),
      ),
    [guarded, files, session.editor],
  );
  const attempts = useAttemptActions(freshBoard);
  const openAttemptBoard = (record: AttemptRecord) =>
    openFile({ name: `${record.question || 'attempt'}.archdrill.json`, bytes: new TextEncoder().encode(record.boardFile) });

  const table: CommandTable = useMemo(
    () => ({
      new: pickQuestion,
      open: openBoard,
      save: files.save,
      'save-as': files.saveAs,
      'export-png': () => openExportDialog('png'),
      'export-svg': () => openExportDialog('svg'),
      'export-report': () => exporter.exportReport('html'),
      'export-pdf': () => (exporter.canPdf ? exporter.exportReport('pdf') : false),
      undo: commands.undo,
      redo: commands.redo,
      cut: commands.cut,
      copy: () => void commands.copy(),
      paste: commands.paste,
      duplicate: commands.duplicate,
      delete: commands.deleteSelection,
      rename: commands.rename,
      'select-all': commands.selectAll,
      'copy-image': () => void exporter.copyImage(),
      'zoom-in': commands.zoomIn,
      'zoom-out': commands.zoomOut,
      'zoom-fit': commands.fit,
      'toggle-snap': toggleSnap,
      'toggle-minimap': panels.toggleMinimap,
      'toggle-palette': panels.togglePalette,
      'toggle-sidebar': panels.toggleSidebar,
      'toggle-theme': toggleTheme,
      shortcuts: () => setSheet((s) => !s),
      'clear-selection': () => store.getState().select({}),
    }),
    [pickQuestion, openBoard, files, exporter, commands, toggleSnap, toggleTheme, panels, store],
  );
  useKeyboard(table, commands.add);
  useEffect(
    () =>
      platform.onMenuCommand((cmd) => {
        if (readOnly && commandSpec(cmd).edits) return;
        void table[cmd]();
      }),
    [platform, table, readOnly],
  );
  useEffect(() => platform.onOpenFile((f) => void openFile(f)), [platform, openFile]);

  return (
    <div className="app">
      <Toolbar
        commands={commands}
        editor={session.editor}
        files={files}
        title={rubric?.title ?? question ?? 'Free design'}
        fileName={file.name}
        dirty={dirty}
        onNew={pickQuestion}
        onOpen={openBoard}
        onShortcuts={() => setSheet(true)}
      >
        <button
          type="button"
          className="secondary"
          data-testid="btn-history"
          aria-label="History"
          title="History: your attempts and progress"
          onClick={() => setDialog('history')}
        >
          <span className="label-long">History</span>
          <HistoryIcon className="label-short" size={15} aria-hidden />
        </button>
        <ExportControls exporter={exporter} title={rubric?.title ?? question ?? null} />
        <PresenceBar />
        <button type="button" className="secondary" data-testid="btn-share" onClick={() => setDialog('share')}>
          {session.collab ? (
            'Invite'
          ) : (
            <>
              <span className="label-long">Host a session</span>
              <span className="label-short">Host</span>
            </>
          )}
        </button>
        {session.collab ? (
          <button type="button" className="secondary" data-testid="btn-leave" onClick={leaveRoom} title="Back to your own board">
            Leave
          </button>
        ) : (
          <button type="button" className="secondary" data-testid="btn-join" onClick={() => setDialog('join')}>
            Join
          </button>
        )}
      </Toolbar>
      <ConnectionNotice />
      <TimerBar score={score} onShowScorecard={() => setDialog('scorecard')} startRequest={attempts.startRequest} />
      <main className={`workspace${readOnly ? ' read-only' : ''}`} {...(!readOnly && fileDropHandlers(openFile))}>
        {!readOnly && panels.palette && <Palette commands={commands} />}
        <Canvas snapToGrid={snap} colorMode={theme} showMinimap={panels.minimap} />
        {panels.sidebar && (
          <Sidebar
            rubric={rubric}
            readOnly={readOnly}
            // The brief asks before an example replaces a board with work on it.
            onOpenExample={(name, text) => void files.openFile({ name, bytes: new TextEncoder().encode(text) })}
          />
        )}
      </main>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinDialog onClose={() => setDialog(null)} />}
      {dialog === 'question' && (
        <QuestionPicker
          onPick={(id) => {
            setDialog(null);
            void freshBoard(id ?? '');
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
            setDialog(null);
            void openAttemptBoard(record).then(
              (opened) => opened && setAttempt({ view: 'scorecard', id: record.id, title: record.title, record }),
            );
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
            void openAttemptBoard(record).then((opened) => opened && exporter.exportReport('html', record.id));
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
      {unsaved && (
        <UnsavedChangesDialog
          fileName={file.name}
          action={unsaved.action}
          dirty={unsaved.dirty}
          live={live}
          onChoose={async (choice) => {
            setUnsaved(null);
            if (choice === 'cancel') return;
            if (choice === 'save' && !(await files.save())) return;
            await unsaved.then();
          }}
        />
      )}
      <Toasts />
    </div>
  );
}

const EMPTY_HASH = boardHash({ nodes: [], edges: [], notes: {} });

const hashDoc = (doc: Y.Doc) => boardHash(readBoard(doc));

/** Changes whenever the doc does (anyone's edit): cheap, unlike hashing the board. */
const docVersion = (doc: Y.Doc) => Y.encodeStateVector(doc).join();
