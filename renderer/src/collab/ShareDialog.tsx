import type { CreatedRoom } from '@shared/collab/createRoom';
import { buildJoinLink, parseJoinLink } from '@shared/collab/joinLink';
import { useEffect, useState } from 'react';
import { useBoardSession } from '../board/context';
import type { HostedSession } from '../platform/types';
import { Modal } from '../ui/Modal';
import { createRoomOnServer } from './createRoomOnServer';
import { enterRoom, hostedRoom, leaveRoom, setHostedRoom } from './enterRoom';
import { CopyField, type Invite, InviteList, invitesFor, rememberedInvites, rememberInvites } from './Invites';

/**
 * The desktop's running session, kept while the window lives: the server runs on after the dialog
 * closes, so reopening it must show the links and Stop hosting again, not offer to start a second one.
 */
let running: { readonly hosted: HostedSession; readonly keepLinks: boolean; readonly address: string | null } | null = null;

/** "Host a session": starts the sync server in the desktop app and shows what to send the partner. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { platform, collab, doc } = useBoardSession();
  const [port, setPort] = useState(running?.hosted.port ?? 7420);
  const [keepLinks, setKeepLinks] = useState(running?.keepLinks ?? false);
  const [address, setAddress] = useState<string | null>(running?.address ?? null);
  const [hosted, setHosted] = useState<HostedSession | null>(running?.hosted ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The window-lifetime copy follows the dialog's state, so a reopened dialog starts where this one was.
  useEffect(() => {
    running = hosted && { hosted, keepLinks, address };
  }, [hosted, keepLinks, address]);
  /** Stops the desktop's sync server (its links die unless kept); from inside the hosted room, leaves it too. */
  const stop = async (leave: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await platform.stopHosting!();
      setHostedRoom(null);
      setHosted(null);
      if (leave) leaveRoom();
    } catch (err) {
      setError(`Could not stop hosting: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  if (collab) {
    const { target } = collab.room;
    const hosting = Boolean(platform.stopHosting) && hostedRoom() === target.roomId;
    const invites = rememberedInvites(target.roomId);
    return (
      <Modal title="Live session" onClose={onClose}>
        {invites ? (
          <>
            <p>You are in a live room. Send your partner a link, or read them a code:</p>
            <InviteList invites={invites} />
          </>
        ) : (
          <>
            <p>You are in a live room. Send your partner this link:</p>
            <CopyField value={buildJoinLink(target)} label="Room link" />
          </>
        )}
        {hosting ? (
          <p className="muted">
            You host this room: leaving takes you back to your own board and your partner stays in the room; stopping hosting ends
            the room for everyone.
          </p>
        ) : (
          <p className="muted">Leaving takes you back to your own board; the room stays on the server.</p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="secondary" data-testid="leave-room" onClick={leaveRoom}>
            Leave the room
          </button>
          {hosting && (
            <button type="button" className="danger" data-testid="stop-hosting" disabled={busy} onClick={() => void stop(true)}>
              {busy ? 'Stopping…' : 'Stop hosting'}
            </button>
          )}
        </div>
      </Modal>
    );
  }
  if (!platform.hostSession) return <ServerRoomDialog onClose={onClose} />;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const session = await platform.hostSession!({ port, lan: true, keepLinks });
      setHosted(session);
      setAddress(session.interfaces?.[0]?.address ?? null);
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
          <label className="check">
            <input
              type="checkbox"
              data-testid="keep-links"
              checked={keepLinks}
              onChange={(e) => setKeepLinks(e.target.checked)}
            />
            Keep the links working after I stop hosting
          </label>
          <HostingWarning />
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
          {(hosted.interfaces?.length ?? 0) > 1 && (
            <label>
              Network
              <select data-testid="host-interface" value={address ?? ''} onChange={(e) => setAddress(e.target.value)}>
                {hosted.interfaces!.map((i) => (
                  <option key={i.address} value={i.address}>
                    {i.name} — {i.address}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p>Send your partner the link (it opens the app in any browser), or read them the address and code:</p>
          <InviteList invites={hostedInvites(hosted, address)} />
          <HostingWarning />
          <p className="muted">
            {keepLinks
              ? 'These links keep working after you stop hosting, whenever you host again.'
              : 'These links stop working when you stop hosting.'}
          </p>
          {hosted.hostUrl && (
            <button
              type="button"
              className="primary"
              data-testid="enter-room"
              onClick={() => {
                const parsed = parseJoinLink(hosted.hostUrl!);
                if (!parsed.ok) return;
                rememberInvites(parsed.value.roomId, hostedInvites(hosted, address));
                setHostedRoom(parsed.value.roomId);
                enterRoom(hosted.hostUrl!, parsed.value.roomId, doc);
              }}
            >
              Enter the room with this board
            </button>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="danger" data-testid="stop-hosting" disabled={busy} onClick={() => void stop(false)}>
            {busy ? 'Stopping…' : 'Stop hosting'}
          </button>
        </div>
      )}
    </Modal>
  );
}

/** The hosting dialog says what the link is and what the network sees, before and after starting. */
function HostingWarning() {
  return (
    <p className="warning" role="note" data-testid="hosting-warning">
      Treat the link like a password: anyone who has it can join with its role. The connection on your network is not encrypted,
      so host only on a network you trust.
    </p>
  );
}

/** A join link naming another of this machine's addresses (same port, room and token). */
const onAddress = (link: string, address: string | null): string =>
  address ? link.replace(/^http:\/\/[^/:]+/, `http://${address}`) : link;

/** The partner's invites of a desktop-hosted session, naming the chosen address: interviewer, then spectator. */
const hostedInvites = (hosted: HostedSession, address: string | null): Invite[] => {
  const link = parseJoinLink(onAddress(hosted.joinUrl, address));
  const spectator = hosted.spectatorUrl ? parseJoinLink(onAddress(hosted.spectatorUrl, address)) : null;
  if (!link.ok) return [];
  const tokens = { interviewer: link.value.token, ...(spectator?.ok && { spectator: spectator.value.token }) };
  return invitesFor(link.value.origin, link.value.roomId, tokens, hosted.codes ?? { interviewer: hosted.code });
};

/**
 * In a browser there is no server to start: create a room on a team server
 * (`archdrill serve`) with its admin key, or ask a host for a link.
 */
function ServerRoomDialog({ onClose }: { onClose: () => void }) {
  const { doc } = useBoardSession();
  const served = /^https?:$/.test(window.location.protocol) ? window.location.origin : '';
  const [server, setServer] = useState(served);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [room, setRoom] = useState<CreatedRoom | null>(null);
  const origin = server.trim().replace(/\/+$/, '');
  const invites = room ? invitesFor(origin, room.roomId, room.tokens, room.codes) : [];
  return (
    <Modal title="Host a session" onClose={onClose}>
      {!room ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            createRoomOnServer(origin, key).then(setRoom, (err: Error) => setError(err.message));
          }}
        >
          <p>
            The desktop app hosts a session by itself. From a browser, create a room on a team server started with{' '}
            <code>npx archdrill serve</code>, using the admin key it prints; or ask a host for a join link.
          </p>
          <label>
            Server
            <input
              data-testid="server-origin"
              value={server}
              onChange={(e) => setServer(e.target.value)}
              placeholder="https://drill.example.org"
            />
          </label>
          <label>
            Admin key
            <input
              data-testid="server-admin-key"
              data-autofocus
              value={key}
              onChange={(e) => setKey(e.target.value)}
              type="password"
            />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" data-testid="create-room">
            Create a room
          </button>
        </form>
      ) : (
        <div className="form">
          <p>
            Send your partner the interviewer link or read them its code (or keep it and send the candidate one). The codes work
            while the links do, on this server only.
          </p>
          <InviteList invites={invites} />
          <button
            type="button"
            className="primary"
            data-testid="enter-room"
            onClick={() => {
              rememberInvites(room.roomId, invites);
              enterRoom(buildJoinLink({ origin, roomId: room.roomId, token: room.tokens.candidate }), room.roomId, doc);
            }}
          >
            Enter the room with this board
          </button>
        </div>
      )}
    </Modal>
  );
}
