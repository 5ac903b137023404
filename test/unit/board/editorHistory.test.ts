import { replaceBoard } from '@shared/board/doc';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createBoardEditor } from '../../../renderer/src/board/editor';
import { board, node } from '../../fixtures/boards/builders';

/** What the toolbar's Undo and Redo buttons read: `history()` and its change events. */
describe('BoardEditor history state', () => {
  const fresh = (readOnly = false) => {
    const doc = new Y.Doc();
    replaceBoard(doc, board([node('a', 'client')]), 'setup');
    const editor = createBoardEditor(doc, { user: 'me', readOnly });
    const changed = vi.fn();
    editor.onHistory(changed);
    return { doc, editor, changed };
  };

  it('has nothing to undo before the first edit, then follows undo, redo and a new edit', () => {
    const { editor, changed } = fresh();
    expect(editor.history()).toEqual({ canUndo: false, canRedo: false });
    editor.addNodes([node('b', 'cache')]);
    expect(changed).toHaveBeenCalled();
    expect(editor.history()).toEqual({ canUndo: true, canRedo: false });
    editor.undo();
    expect(editor.history()).toEqual({ canUndo: false, canRedo: true });
    editor.redo();
    expect(editor.history()).toEqual({ canUndo: true, canRedo: false });
    editor.undo();
    changed.mockClear();
    editor.addNodes([node('c', 'service')]);
    // The new step drops the redo step; the change is announced so the button greys out.
    expect(changed).toHaveBeenCalled();
    expect(editor.history()).toEqual({ canUndo: true, canRedo: false });
  });

  it('returns the same object while nothing changed (a React snapshot must be stable)', () => {
    const { editor } = fresh();
    editor.addNodes([node('b', 'cache')]);
    expect(editor.history()).toBe(editor.history());
  });

  it('has nothing after New or Open replaced the board', () => {
    const { editor } = fresh();
    editor.addNodes([node('b', 'cache')]);
    editor.replaceBoard(board([node('x', 'sql_db')]));
    expect(editor.history()).toEqual({ canUndo: false, canRedo: false });
  });

  it('never offers undo to a spectator, whatever the doc holds', () => {
    const { doc, editor } = fresh(true);
    editor.addNodes([node('b', 'cache')]);
    replaceBoard(doc, board([node('y', 'cache')]), 'network');
    expect(editor.history()).toEqual({ canUndo: false, canRedo: false });
  });

  it('stops announcing once unsubscribed', () => {
    const doc = new Y.Doc();
    const editor = createBoardEditor(doc, { user: 'me', readOnly: false });
    const changed = vi.fn();
    editor.onHistory(changed)();
    editor.addNodes([node('b', 'cache')]);
    expect(changed).not.toHaveBeenCalled();
  });
});
