import { useStore } from 'zustand';
import { useBoardSession } from '../board/context';

/**
 * Whether node `id` is being renamed in place, and how to start and stop:
 * one editing node per board, kept in the local store so F2 and Enter (from
 * the shortcut handler) and a double-click all open the same field.
 */
export function useInlineEditing(id: string) {
  const { editor, store } = useBoardSession();
  const editing = useStore(store, (s) => s.editingId === id);
  return {
    editing,
    /** A spectator gets no resize handles and no rename field. */
    readOnly: editor.readOnly,
    start: () => {
      if (!editor.readOnly) store.getState().startEditing(id);
    },
    done: () => {
      if (store.getState().editingId === id) store.getState().stopEditing();
    },
    commit: (label: string) => editor.rename(id, label),
  };
}
