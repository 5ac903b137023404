import { CLOSE_CODES, closeMessage } from '@shared/collab/closeCodes';
import type { JoinTarget } from '@shared/collab/joinLink';
import { syncUrlFor } from '@shared/collab/joinLink';
import { canWrite } from '@shared/collab/roles';
import { parseToken, tokenExpired } from '@shared/collab/token';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Platform } from '../platform/types';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused' | 'closed';

export interface RoomState {
  readonly status: ConnectionStatus;
  /** True once the server's state has been merged in at least once. */
  readonly synced: boolean;
  /** Why the connection ended for good ('closed'): the server's close code told as a sentence, or the link's expiry. */
  readonly message?: string;
}

/** A live room: the shared doc, its provider and local persistence, and the connection state. */
export interface Room {
  readonly target: JoinTarget;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly state: StoreApi<RoomState>;
  readonly readOnly: boolean;
  destroy(): void;
}

/** After this many failed attempts without ever connecting, say the link was refused or the host is gone. */
const REFUSED_AFTER = 3;

/**
 * Joins a room. The doc is also kept in IndexedDB under the room id, so edits
 * made offline survive a reload and merge on reconnect. Nothing is ever seeded
 * into the doc here: after `sync` a doc may look empty only because the server
 * has not loaded it yet (y-websocket issue 81).
 */
export const joinRoom = async (target: JoinTarget, platform: Platform): Promise<Room> => {
  const doc = new Y.Doc();
  const persistence = platform.persist(`archdrill-room-${target.roomId}`, doc);
  await persistence.whenSynced;
  // The expiry is in clear in the token: an expired link says so instead of being refused three times.
  const token = parseToken(target.token);
  const expired = token !== null && tokenExpired(token, Date.now());
  const provider = new WebsocketProvider(syncUrlFor(target.origin), target.roomId, doc, {
    params: { token: target.token },
    maxBackoffTime: 2500,
    // Tabs of one browser sync through the server like everyone else; BroadcastChannel would bypass read-only checks.
    disableBc: true,
    connect: !expired,
  });
  const state = createStore<RoomState>()(() =>
    expired
      ? {
          status: 'closed',
          synced: false,
          message: `This link expired on ${new Date(token.expires! * 1000).toLocaleString()}. Ask the host for a new one.`,
        }
      : { status: 'connecting', synced: false },
  );
  // A final close code (4400–4499): y-websocket stops reconnecting, and the user is told why.
  provider.on('closed', ({ code, reason }: { code: number; reason: string }) => {
    // The refused change is in this browser's copy of the room: kept, it would be sent again on the next
    // join and close the room on this user at once, for good. The copy goes, and a rejoin starts from the
    // room as the server keeps it (the board on screen stays until then, to be saved as a file).
    if (code === CLOSE_CODES.roomTooLarge) void persistence.clear();
    state.setState({ status: 'closed', message: closeMessage(code, reason) ?? `The server closed the connection (${code}).` });
  });
  let everConnected = false;
  let failures = 0;
  provider.on('status', ({ status }: { status: string }) => {
    if (state.getState().status === 'closed') return;
    if (status === 'connected') {
      everConnected = true;
      failures = 0;
      state.setState({ status: 'connected' });
    } else if (status === 'connecting') {
      state.setState({ status: everConnected ? 'reconnecting' : 'connecting' });
    } else {
      state.setState({ status: everConnected ? 'reconnecting' : state.getState().status });
    }
  });
  provider.on('connection-close', () => {
    if (!everConnected && ++failures >= REFUSED_AFTER) state.setState({ status: 'refused' });
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) state.setState({ synced: true });
  });
  const onOffline = () => state.setState({ status: 'offline' });
  window.addEventListener('offline', onOffline);
  return {
    target,
    doc,
    provider,
    state,
    readOnly: !canWrite(target.role),
    destroy: () => {
      window.removeEventListener('offline', onOffline);
      provider.awareness.setLocalState(null);
      provider.destroy();
      void persistence.destroy();
    },
  };
};
