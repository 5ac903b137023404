import type { Role } from '@shared/collab/roles';
import { useReactFlow } from '@xyflow/react';
import { Eye, EyeOff, Wifi, WifiOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useBoardSession } from '../board/context';

const STATUS_TEXT = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting… (keep editing; nothing is lost)',
  offline: 'Offline (keep editing; changes merge on reconnect)',
  refused: 'Could not join: the server refused this link or cannot be reached',
  closed: 'Disconnected for good',
} as const;

/**
 * Why the room closed for good (size limit, revoked, expired): a line of its
 * own under the header, where a sentence has room to wrap, instead of a
 * header item that ran off the window.
 */
export function ConnectionNotice() {
  const { collab } = useBoardSession();
  return collab ? <ClosedWhy collab={collab} /> : null;
}

function ClosedWhy({ collab }: { collab: NonNullable<ReturnType<typeof useBoardSession>['collab']> }) {
  const closedWhy = useStore(collab.room.state, (s) => s.message);
  if (!closedWhy) return null;
  return (
    <div className="connection-notice" role="alert" data-testid="connection-closed">
      <WifiOff size={14} aria-hidden />
      <span>{closedWhy}</span>
    </div>
  );
}

/** Connection badge, who is here (name, colour, role, what they selected) and "follow". */
export function PresenceBar() {
  const { collab } = useBoardSession();
  if (!collab) return null;
  return <LivePresence collab={collab} />;
}

function LivePresence({ collab }: { collab: NonNullable<ReturnType<typeof useBoardSession>['collab']> }) {
  const status = useStore(collab.room.state, (s) => s.status);
  const peers = useStore(collab.presence.peers, (s) => s.peers);
  const me = collab.presence.local();
  const [following, setFollowing] = useState<number | null>(null);
  const flow = useReactFlow();
  useEffect(() => {
    if (following === null) return;
    const go = () => {
      const p = collab.presence.peers.getState().peers.find((x) => x.clientId === following);
      if (p?.view) void flow.fitBounds(p.view, { padding: 0, duration: 120 });
    };
    go();
    return collab.presence.peers.subscribe(go);
  }, [following, collab, flow]);
  const online = status === 'connected';
  return (
    <div className="presence" data-testid="presence">
      <span className={`badge status-${status}`} data-testid="connection-status" data-status={status} title={STATUS_TEXT[status]}>
        {online ? <Wifi size={14} aria-hidden /> : <WifiOff size={14} aria-hidden />}
        <span className="status-text">{status === 'connected' ? 'Live' : status}</span>
      </span>
      <ul className="participants" aria-label="Participants">
        <li style={{ borderColor: me.colour }} data-testid="participant-me" title={`${me.name} (you) · ${me.role}`}>
          <span className="dot" style={{ background: me.colour }} />
          <span className="who">{me.name} (you)</span>
          <span className="you">You</span>
          <span className="chip-sep">·</span>
          <RoleTag role={me.role} />
        </li>
        {peers.map((p) => (
          <li key={p.clientId} style={{ borderColor: p.colour }} data-testid="participant" title={`${p.name} · ${p.role}`}>
            <span className="dot" style={{ background: p.colour }} />
            <span className="who">{p.name}</span>
            <span className="chip-sep">·</span>
            <RoleTag role={p.role} />
            {p.selection.nodes.length > 0 && <span className="muted"> · {p.selection.nodes.length} selected</span>}
            <button
              type="button"
              className="icon"
              aria-pressed={following === p.clientId}
              title={following === p.clientId ? `Stop following ${p.name}` : `Follow ${p.name}: see what they see`}
              onClick={() => setFollowing(following === p.clientId ? null : p.clientId)}
            >
              {following === p.clientId ? <EyeOff size={14} /> : <Eye size={14} />}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const RoleTag = ({ role }: { role: Role }) => <span className={`role role-${role}`}>{role}</span>;
