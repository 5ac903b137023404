import { type JoinTarget, parseJoinLink } from '@shared/collab/joinLink';
import type { Role } from '@shared/collab/roles';
import type { BoardSession } from '../board/context';
import { sessionFor } from '../board/openSession';
import type { Platform } from '../platform/types';
import { seedCreatedRoom } from './enterRoom';
import { createPresence, localIdentity } from './presence';
import { joinRoom } from './room';

/** The join target in the page's address (`#/join/<room>?token=…`), if any; an error when it is malformed. */
export const joinTargetFromLocation = (href: string): { target: JoinTarget } | { error: string } | null => {
  if (!href.includes('#/join/')) return null;
  const parsed = parseJoinLink(href);
  return parsed.ok ? { target: parsed.value } : { error: parsed.error };
};

/** Which role this tab plays: chosen on join (for write tokens), remembered for reloads of the tab. */
export const rememberedRole = (roomId: string): Role | null => {
  const r = sessionStorage.getItem(`archdrill.role.${roomId}`);
  return r === 'candidate' || r === 'interviewer' ? r : null;
};
export const rememberRole = (roomId: string, role: Role) => sessionStorage.setItem(`archdrill.role.${roomId}`, role);

/** Opens a live room session: the shared doc, presence with this user's name, colour and role. */
export const openRoomSession = async (
  target: JoinTarget,
  role: Role,
  name: string,
  platform: Platform,
): Promise<BoardSession> => {
  const room = await joinRoom(target, platform);
  const identity = localIdentity();
  localStorage.setItem('archdrill.name', name);
  const presence = createPresence(room.provider.awareness, { ...identity, name, role });
  const session = {
    ...sessionFor(room.doc, platform, { readOnly: room.readOnly, onClose: room.destroy }),
    collab: { room, presence },
  };
  // The host carries its board into the room it just created, after the first sync.
  const seed = () => seedCreatedRoom(target.roomId, session.editor);
  if (room.state.getState().synced) seed();
  else {
    const off = room.state.subscribe((s) => {
      if (s.synced) {
        off();
        seed();
      }
    });
  }
  return session;
};
