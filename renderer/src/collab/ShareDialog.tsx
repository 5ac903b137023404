import { parseJoinLink } from '@shared/collab/joinLink';
import { useState } from 'react';
import { useBoardSession } from '../board/context';
import type { HostedSession } from '../platform/types';
import { Modal } from '../ui/Modal';
import { enterRoom } from './enterRoom';

/** "Host a session": starts the sync server in the desktop app and shows what to send the partner. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { platform, collab, doc } = useBoardSession();
  const [port, setPort] = useState(7420);
  const [hosted, setHosted] = useState<HostedSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (collab)
    return (
      <Modal title="Live session" onClose={onClose}>
        <p>You are in a live room. Send your partner this link:</p>
        <CopyField
          value={`${collab.room.target.origin}/#/join/${collab.room.target.roomId}?token=${encodeURIComponent(collab.room.target.token)}`}
        />
      </Modal>
    );
  if (!platform.hostSession)
    return (
      <Modal title="Host a session" onClose={onClose}>
        <p>
          Hosting runs a sync server, which the desktop app starts for you. In a browser, ask the host for a join link, or run{' '}
          <code>npx archdrill serve</code> for a team server.
        </p>
      </Modal>
    );
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setHosted(await platform.hostSession!({ port, lan: true }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="Host a session" onClose={onClose}>
      {!hosted ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <p>
            Your partner joins from their own Archdrill or any browser on your network. Your board comes with you into the room.
          </p>
          <label>
            Port
            <input type="number" min={1024} max={65535} value={port} onChange={(e) => setPort(Number(e.target.value))} />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start hosting'}
          </button>
        </form>
      ) : (
        <div className="form">
          <p>Send your partner the link (it opens the app in any browser) or the code:</p>
          <CopyField value={hosted.joinUrl} />
          <CopyField value={hosted.code} />
          {hosted.spectatorUrl && (
            <>
              <p className="muted">Read-only link for spectators:</p>
              <CopyField value={hosted.spectatorUrl} />
            </>
          )}
          {hosted.hostUrl && (
            <button
              type="button"
              className="primary"
              data-testid="enter-room"
              onClick={() => {
                const parsed = parseJoinLink(hosted.hostUrl!);
                if (parsed.ok) enterRoom(hosted.hostUrl!, parsed.value.roomId, doc);
              }}
            >
              Enter the room with this board
            </button>
          )}
        </div>
      )}
    </Modal>
  );
}

function CopyField({ value }: { value: string }) {
  return (
    <div className="copy-field">
      <input readOnly value={value} onFocus={(e) => e.target.select()} aria-label="Share" />
      <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(value)}>
        Copy
      </button>
    </div>
  );
}
