import type { JoinTarget } from '@shared/collab/joinLink';
import { syncUrlFor } from '@shared/collab/joinLink';
import { canWrite } from '@shared/collab/roles';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Platform } from '../platform/types';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface RoomState {
  readonly status: ConnectionStatus;
  /** True once the server's state has been merged in at least once. */
  readonly synced: boolean;
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
  const provider = new WebsocketProvider(syncUrlFor(target.origin), target.roomId, doc, {
    params: { token: target.token },
    maxBackoffTime: 2500,
    // Tabs of one browser sync through the server like everyone else; BroadcastChannel would bypass read-only checks.
    disableBc: true,
  });
  const state = createStore<RoomState>()(() => ({ status: 'connecting', synced: false }));
  let everConnected = false;
  let failures = 0;
  provider.on('status', ({ status }: { status: string }) => {
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
