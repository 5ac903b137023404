import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import type { PresenceHandle } from './presence';

/** Partners' pointers, placed in flow coordinates so they line up at any zoom and pan. */
export const RemoteCursors = memo(function RemoteCursors({ presence }: { readonly presence: PresenceHandle }) {
  const peers = useStore(presence.peers, (s) => s.peers);
  return (
    <ViewportPortal>
      {peers.map((p) =>
        p.cursor ? (
          <div
            key={p.clientId}
            className="remote-cursor"
            data-testid="remote-cursor"
            style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px)`, color: p.colour }}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
              <path d="M1 1 L14 6 L8 8 L6 14 Z" fill="currentColor" stroke="white" strokeWidth="1" />
            </svg>
            <span style={{ background: p.colour }}>
              {p.name} · {p.role}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
});
