import { decodeBoard, encodeBoard } from '@shared/board/codec';
import { readBoard } from '@shared/board/doc';
import type * as Y from 'yjs';
import type { BoardEditor } from '../board/editor';

/**
 * Entering a room without leaving the page's origin (the desktop app is served
 * from app://, the room from http://host:port): the join link is kept for the
 * tab in sessionStorage and the page reloads into the room.
 */
const ACTIVE = 'archdrill.activeRoom';
const seedKey = (roomId: string) => `archdrill.seed.${roomId}`;

export const activeRoomLink = (): string | null => sessionStorage.getItem(ACTIVE);

/** Joins `link` in this tab; with `seedFrom`, the current board is carried into the (new, empty) room. */
export const enterRoom = (link: string, roomId: string, seedFrom?: Y.Doc): void => {
  sessionStorage.setItem(ACTIVE, link);
  if (seedFrom) sessionStorage.setItem(seedKey(roomId), encodeBoard(readBoard(seedFrom)));
  window.location.reload();
};

export const leaveRoom = (): void => {
  sessionStorage.removeItem(ACTIVE);
  if (window.location.hash.startsWith('#/join/')) window.location.hash = '';
  window.location.reload();
};

/**
 * Seeds a room its host has just created with the host's board, once.
 * Only for a room this tab created: a doc that merely looks empty after sync
 * may not have loaded yet (y-websocket issue 81), so nobody else ever seeds.
 */
export const seedCreatedRoom = (roomId: string, editor: BoardEditor): boolean => {
  const text = sessionStorage.getItem(seedKey(roomId));
  if (text === null) return false;
  sessionStorage.removeItem(seedKey(roomId));
  const decoded = decodeBoard(text);
  if (!decoded.ok) return false;
  editor.replaceBoard(decoded.board);
  return true;
};
