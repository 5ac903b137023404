import type { JoinTarget } from '@shared/collab/joinLink';
import type { Role } from '@shared/collab/roles';
import { useState } from 'react';

const ROLE_TEXT: Readonly<Record<Role, string>> = {
  candidate: 'You join as the candidate: you design, the interviewer asks.',
  interviewer: 'You join as the interviewer: you ask, follow the design and give feedback.',
  spectator: 'You join as a spectator: you can watch, not edit.',
};

/**
 * Before entering a room: your name. The role is the one the link grants
 * (each role has its own link), shown rather than offered, so what you see is
 * what you get; "Swap roles" in the room exchanges candidate and interviewer.
 */
export function JoinScreen({
  target,
  role,
  onJoin,
}: {
  target: JoinTarget;
  /** The role this tab will play: the link's, or the one a swap gave it earlier. */
  role: Role;
  onJoin: (name: string) => void;
}) {
  const [name, setName] = useState(() => localStorage.getItem('archdrill.name') ?? '');
  return (
    <div className="join-screen">
      <form
        className="form card"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onJoin(name.trim());
        }}
      >
        <h1>Join a practice session</h1>
        <p className="muted">Host {target.origin}</p>
        <label>
          Your name
          <input data-testid="join-name" required maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <p data-testid="join-role" data-role={role}>
          {ROLE_TEXT[role]}
        </p>
        <button type="submit" className="primary" data-testid="join-submit">
          Join as {role}
        </button>
      </form>
    </div>
  );
}
