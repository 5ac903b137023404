import { decodeBoard, encodeBoard } from '@shared/board/codec';
import { readBoard } from '@shared/board/doc';
import type * as Y from 'yjs';
import type { BoardEditor } from '../board/editor';

/**
 * Entering a room without leaving the page (the desktop app is served from
 * app://, the room from http://host:port, and the window's navigation guard
 * blocks every navigation, reloads included): the join link is kept for the
 * tab in sessionStorage, so a reload stays in the room, and the app swaps the
 * open session in place (main.tsx registers how).
 */
const ACTIVE = 'archdrill.activeRoom';
const seedKey = (roomId: string) => `archdrill.seed.${roomId}`;

let switchSession: (() => void) | null = null;

/** main.tsx: re-opens the right session (room or local board) for the current state. */
export const onSessionSwitch = (fn: () => void): void => {
  switchSession = fn;
};

const reopen = () => {
  if (switchSession) switchSession();
  else window.location.reload();
};

export const activeRoomLink = (): string | null => sessionStorage.getItem(ACTIVE);

/** Joins `link` in this tab; with `seedFrom`, the current board is carried into the (new, empty) room. */
export const enterRoom = (link: string, roomId: string, seedFrom?: Y.Doc): void => {
  sessionStorage.setItem(ACTIVE, link);
  if (seedFrom) sessionStorage.setItem(seedKey(roomId), encodeBoard(readBoard(seedFrom)));
  reopen();
};

const HOSTING = 'archdrill.hostingRoom';

/** The room this tab hosts (desktop "Host a session", entered with the host's board), or null. */
export const hostedRoom = (): string | null => sessionStorage.getItem(HOSTING);
/** Records that this tab hosts `roomId`, or (null) that it stopped. */
export const setHostedRoom = (roomId: string | null): void =>
  roomId === null ? sessionStorage.removeItem(HOSTING) : sessionStorage.setItem(HOSTING, roomId);

export const leaveRoom = (): void => {
  sessionStorage.removeItem(ACTIVE);
  // Same-document: drops a join link from the address without navigating.
  if (window.location.hash.startsWith('#/join/'))
    history.replaceState(null, '', window.location.pathname + window.location.search);
  reopen();
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
