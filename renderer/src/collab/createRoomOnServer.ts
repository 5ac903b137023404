import { type CreatedRoom, createdRoomSchema } from '@shared/collab/createRoom';
import { parseOrigin } from '@shared/collab/joinLink';

/**
 * Asks a team sync server (`archdrill serve`) for a new room. Only holders of
 * the server's admin key may; the answer is validated before use.
 */
export const createRoomOnServer = async (origin: string, adminKey: string): Promise<CreatedRoom> => {
  const o = parseOrigin(origin);
  if (!o.ok) throw new Error(o.error);
  let res: Response;
  try {
    res = await fetch(`${o.value}/rooms`, { method: 'POST', headers: { authorization: `Bearer ${adminKey.trim()}` } });
  } catch {
    throw new Error(`No sync server answered at ${o.value}. Is \`archdrill serve\` running there?`);
  }
  if (res.status === 401 || res.status === 403)
    throw new Error('The server refused the admin key (it is printed when `archdrill serve` starts).');
  if (!res.ok) throw new Error(`The server answered ${res.status} instead of creating a room.`);
  const parsed = createdRoomSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new Error('The server’s answer is not a room: is that an Archdrill sync server?');
  return parsed.data;
};
