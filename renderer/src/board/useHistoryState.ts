import { useSyncExternalStore } from 'react';
import type { BoardEditor, HistoryState } from './editor';

/** Whether Undo and Redo would do anything now, re-read whenever the editor's history changes. */
export const useHistoryState = (editor: BoardEditor): HistoryState => useSyncExternalStore(editor.onHistory, editor.history);
