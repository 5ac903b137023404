import type { JoinTarget } from '@shared/collab/joinLink';
import type { Role } from '@shared/collab/roles';
import { useState } from 'react';

/** Before entering a room: your name and, with a write link, whether you are the candidate or the interviewer. */
export function JoinScreen({ target, onJoin }: { target: JoinTarget; onJoin: (name: string, role: Role) => void }) {
  const [name, setName] = useState(() => localStorage.getItem('archdrill.name') ?? '');
  const [role, setRole] = useState<Role>(target.role);
  const spectator = target.role === 'spectator';
  return (
    <div className="join-screen">
      <form
        className="form card"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onJoin(name.trim(), spectator ? 'spectator' : role);
        }}
      >
        <h1>Join a practice session</h1>
        <p className="muted">Host {target.origin}</p>
        <label>
          Your name
          <input data-testid="join-name" required maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {spectator ? (
          <p>You join as a spectator: you can watch, not edit.</p>
        ) : (
          <fieldset className="roles">
            <legend>Your role</legend>
            {(['candidate', 'interviewer'] as const).map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name="role"
                  value={r}
                  checked={role === r}
                  onChange={() => setRole(r)}
                  data-testid={`join-role-${r}`}
                />
                {r === 'candidate' ? 'Candidate — I design' : 'Interviewer — I ask and score'}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" className="primary" data-testid="join-submit">
          Join
        </button>
      </form>
    </div>
  );
}
