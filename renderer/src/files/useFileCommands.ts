import { BOARD_FILE_EXTENSION, encodeBoard } from '@shared/board/codec';
import { readBoard } from '@shared/board/doc';
import { type Board, emptyBoard } from '@shared/board/types';
import { useMemo } from 'react';
import { useBoardSession } from '../board/context';
import type { OpenedFile } from '../platform/types';
import { toast } from '../ui/toasts';
import { decodeOpened, OPEN_EXTENSIONS } from './decodeOpened';
import { boardHash, type FileStore } from './fileState';

/** Ends the decoder's reason with one stop: some end in a question ("is it a board file?"). */
const asSentence = (reason: string) => (/[.?!]$/.test(reason) ? reason : `${reason}.`);

const baseName = (name: string) => name.replace(/\.archdrill\.json$|\.archdrill$|\.json$|\.png$|\.svg$/i, '');

const isPicture = (name: string) => /\.(png|svg)$/i.test(name);

/** The board file for `name`: itself when it is one, else named after it (design.json → design.archdrill.json). */
const boardFileName = (name: string) =>
  name.toLowerCase().endsWith(BOARD_FILE_EXTENSION) ? name : `${baseName(name)}${BOARD_FILE_EXTENSION}`;

/** New / Open / Save / Save As over the Platform; the current board is untouched by a failed open. */
export function useFileCommands(files: FileStore) {
  const { doc, editor, platform, store } = useBoardSession();
  return useMemo(() => {
    const load = (board: Board, name: string | null, path: string | null) => {
      // Opening is not an edit the user can undo into a half-state: the editor starts a fresh history.
      editor.replaceBoard(board);
      store.getState().select({});
      store.getState().requestFit();
      files.setState({ name, path, savedHash: boardHash(readBoard(doc)), dirty: false });
    };
    const openFile = async (file: OpenedFile) => {
      if (editor.readOnly) {
        toast.info('You are watching this session: opening a board here would replace it for everyone, so it is off.');
        return false;
      }
      const result = await decodeOpened(file);
      if (!result.ok) {
        toast.error(
          `Could not open ${file.name}: ${asSentence(result.error.replace(`${file.name}: `, ''))} Your board was not changed.`,
        );
        return false;
      }
      // A picture's board has no file of its own yet: the title names the picture it came from (not a
      // design.archdrill.json that does not exist), and Save asks where to put one instead of writing over the picture.
      if (isPicture(file.name)) load(result.board, file.name, null);
      else load(result.board, boardFileName(file.name), file.path ?? null);
      toast.info(`Opened ${file.name}`);
      return true;
    };
    const save = async (saveAs: boolean) => {
      const board = readBoard(doc);
      const { name, path } = files.getState();
      const suggestedName = name ? boardFileName(name) : `${board.question ?? 'design'}${BOARD_FILE_EXTENSION}`;
      try {
        const saved = await platform.saveFile({
          suggestedName,
          data: encodeBoard(board),
          mime: 'application/json',
          ...(path && { path }),
          saveAs: saveAs || !path,
        });
        if (!saved) return false;
        files.setState({ name: saved.name, path: saved.path ?? null, savedHash: boardHash(board), dirty: false });
        toast.info(`Saved ${saved.name}`);
        return true;
      } catch (err) {
        toast.error(err instanceof Error ? err.message : `Could not save ${suggestedName}.`);
        return false;
      }
    };
    return {
      newBoard: (question?: string) => load(emptyBoard(question), null, null),
      open: async () => {
        const file = await platform.openFile({ title: 'Open a board', extensions: OPEN_EXTENSIONS });
        if (file) await openFile(file);
      },
      openFile,
      save: () => save(false),
      saveAs: () => save(true),
    };
  }, [doc, editor, platform, store, files]);
}

export type FileCommands = ReturnType<typeof useFileCommands>;
