/**
 * WebSocket close codes of the sync server, and what the app tells the user
 * for each. y-websocket clients treat 4400–4499 as final and stop
 * reconnecting, so each of those says what to do instead.
 */
export const CLOSE_CODES = {
  /** A frame that does not decode or apply. */
  malformed: 4400,
  /** The room's links were revoked by its admin. */
  revoked: 4403,
  /** The update would take the room's document past its size cap; nothing of it was applied. */
  roomTooLarge: 4413,
  /** The update holds subdocuments, which the server does not keep. */
  subdocuments: 4415,
  /** Over the connection's byte or message budget, or an abusive presence frame. */
  overBudget: 4429,
  /** The room could not be loaded; clients retry. */
  unavailable: 1011,
} as const;

const MESSAGES: Readonly<Record<number, string>> = {
  [CLOSE_CODES.malformed]: 'The server could not read what this app sent and closed the connection. Reload to rejoin.',
  [CLOSE_CODES.revoked]: 'The links to this room were revoked. Ask the host for a new link.',
  [CLOSE_CODES.roomTooLarge]:
    'This board has reached its size limit: your last change was not saved to the room. Save the board as a file to keep it; reload to rejoin the room as it was saved, then remove something, or start a new room.',
  [CLOSE_CODES.subdocuments]: 'The server refused a change it cannot store (a subdocument). Reload to rejoin.',
  [CLOSE_CODES.overBudget]: 'The server closed the connection: this app sent too much too fast. Reload to rejoin.',
};

/** What to tell the user when the server closed the connection for good; null for a code that is not final. */
export const closeMessage = (code: number, reason: string): string | null => {
  if (code < 4400 || code >= 4500) return null;
  return MESSAGES[code] ?? `The server closed the connection (${code}${reason ? `: ${reason}` : ''}).`;
};
