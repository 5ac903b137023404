import { type FlowPoint, PRESENCE_MIN_INTERVAL_MS, type Presence, parsePresence } from '@shared/collab/presence';
import type { Role } from '@shared/collab/roles';
import type { Awareness } from 'y-protocols/awareness';
import { createStore } from 'zustand/vanilla';
import { throttle } from './throttle';

export interface Peer extends Presence {
  readonly clientId: number;
}

const COLOURS = ['#e5484d', '#3e63dd', '#30a46c', '#f76b15', '#8e4ec6', '#12a594', '#d6409f', '#ad7f58'];

/** This machine's display name and colour, remembered across sessions. */
export const localIdentity = (): { name: string; colour: string } => {
  let name = localStorage.getItem('archdrill.name');
  if (!name) {
    name = `Guest ${Math.floor(100 + Math.random() * 900)}`;
    localStorage.setItem('archdrill.name', name);
  }
  let colour = localStorage.getItem('archdrill.colour');
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) {
    colour = COLOURS[Math.floor(Math.random() * COLOURS.length)] as string;
    localStorage.setItem('archdrill.colour', colour);
  }
  return { name, colour };
};

/**
 * Publishes this user's presence through awareness at most every
 * PRESENCE_MIN_INTERVAL_MS and keeps a validated list of the peers'.
 */
export const createPresence = (awareness: Awareness, initial: { name: string; colour: string; role: Role }) => {
  const peers = createStore<{ peers: readonly Peer[] }>()(() => ({ peers: [] }));
  const local: Presence = { ...initial, cursor: null, selection: { nodes: [], edges: [] }, drag: null };
  /** This user's own identity (name, colour, role) for the UI; cursor and drag are not mirrored here. */
  const self = createStore<{ name: string; colour: string; role: Role }>()(() => ({ ...initial }));
  awareness.setLocalState(local);
  const publish = throttle((patch: Partial<Presence>) => {
    const current = (awareness.getLocalState() ?? local) as Presence;
    awareness.setLocalState({ ...current, ...patch });
  }, PRESENCE_MIN_INTERVAL_MS);
  let pendingPatch: Partial<Presence> = {};
  const set = (patch: Partial<Presence>) => {
    pendingPatch = { ...pendingPatch, ...patch };
    publish(pendingPatch);
  };
  const flushAfter = () => {
    publish.flush();
    pendingPatch = {};
  };
  const onChange = () => {
    const list: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const p = parsePresence(state);
      if (p) list.push({ ...p, clientId });
    }
    list.sort((a, b) => a.clientId - b.clientId);
    peers.setState({ peers: list });
  };
  awareness.on('change', onChange);
  onChange();
  return {
    peers,
    clientId: awareness.clientID,
    setCursor: (cursor: FlowPoint | null) => set({ cursor }),
    setSelection: (nodes: readonly string[], edges: readonly string[]) =>
      set({ selection: { nodes: [...nodes], edges: [...edges] } }),
    setDrag: (drag: { id: string; x: number; y: number }[] | null) => {
      set({ drag });
      if (drag === null) flushAfter();
    },
    setView: (view: { x: number; y: number; width: number; height: number }) => set({ view }),
    setIdentity: (patch: { name?: string; colour?: string; role?: Role }) => {
      set(patch);
      flushAfter();
      self.setState(patch);
    },
    self,
    local: () => (awareness.getLocalState() ?? local) as Presence,
    destroy: () => awareness.off('change', onChange),
  };
};

export type PresenceHandle = ReturnType<typeof createPresence>;
