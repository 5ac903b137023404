import * as Y from 'yjs';
import type { Platform } from '../platform/types';
import type { BoardSession } from './context';
import { createBoardEditor } from './editor';
import { createEditorStore } from './editorStore';

/** The local board every solo session edits; autosaved under this name. */
export const LOCAL_DOC_NAME = 'archdrill-board';

/** A session over `doc`: its editor (origin, undo, read-only decided here, once) and local UI store. */
export const sessionFor = (
  doc: Y.Doc,
  platform: Platform,
  options: { readonly readOnly?: boolean; readonly onClose?: () => void } = {},
): BoardSession => {
  const editor = createBoardEditor(doc, { user: String(doc.clientID), readOnly: options.readOnly ?? false });
  return {
    doc,
    editor,
    platform,
    store: createEditorStore(),
    close: () => {
      editor.destroy();
      options.onClose?.();
    },
  };
};

/** Opens the autosaved local board: waits until its stored state is loaded. */
export const openLocalSession = async (platform: Platform): Promise<BoardSession> => {
  const doc = new Y.Doc();
  const persistence = platform.persist(LOCAL_DOC_NAME, doc);
  await persistence.whenSynced;
  return sessionFor(doc, platform, { onClose: () => void persistence.destroy() });
};
