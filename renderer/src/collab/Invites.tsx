import { formatInvite } from '@shared/collab/joinCode';
import { buildJoinLink } from '@shared/collab/joinLink';
import { type Role, roleSchema } from '@shared/collab/roles';
import { z } from 'zod';

/** One way in to a room: its link, and the code to read aloud with the server's address (`192.168.1.20:4455 · K7Q4-MZ2P`). */
export interface Invite {
  readonly role: Role;
  readonly link: string;
  /** Absent where the server hands out no codes (an older `archdrill serve`). */
  readonly code?: string;
}

const LABELS: Readonly<Record<Role, string>> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  spectator: 'Spectator (read-only)',
};

/** The invites for a room on `origin`, in the order the dialog shows them. */
export const invitesFor = (
  origin: string,
  roomId: string,
  tokens: Partial<Record<Role, string>>,
  codes: Partial<Record<Role, string>> | undefined,
): Invite[] =>
  (['interviewer', 'candidate', 'spectator'] as const).flatMap((role) => {
    const token = tokens[role];
    if (!token) return [];
    const code = codes?.[role];
    return [{ role, link: buildJoinLink({ origin, roomId, token }), ...(code && { code: formatInvite(origin, code) }) }];
  });

const REMEMBERED = (roomId: string) => `archdrill.invites.${roomId}`;
const rememberedSchema = z.array(z.object({ role: roleSchema, link: z.string(), code: z.string().optional() }));

/** Kept for the tab, so Invite inside the room shows the same links and codes again. */
export const rememberInvites = (roomId: string, invites: readonly Invite[]): void =>
  sessionStorage.setItem(REMEMBERED(roomId), JSON.stringify(invites));

/** The invites remembered for a room, or null (joined from someone else's link). */
export const rememberedInvites = (roomId: string): Invite[] | null => {
  try {
    const parsed = rememberedSchema.safeParse(JSON.parse(sessionStorage.getItem(REMEMBERED(roomId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** Each role's link and code, each with Copy. */
export function InviteList({ invites }: { invites: readonly Invite[] }) {
  return (
    <div className="invites">
      {invites.map((invite) => (
        <section key={invite.role} className="invite" data-testid={`invite-${invite.role}`}>
          <h3>{LABELS[invite.role]}</h3>
          {invite.code && (
            <CopyField value={invite.code} label={`${LABELS[invite.role]} code`} testId={`invite-code-${invite.role}`} />
          )}
          <CopyField value={invite.link} label={`${LABELS[invite.role]} link`} testId={`invite-link-${invite.role}`} />
        </section>
      ))}
    </div>
  );
}

/** A read-only value with Copy. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <div className="copy-field">
      <input readOnly value={value} onFocus={(e) => e.target.select()} aria-label={label} data-testid={testId} />
      <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(value)}>
        Copy
      </button>
    </div>
  );
}
