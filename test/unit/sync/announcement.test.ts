import { describe, expect, it } from 'vitest';
import { announcedBy } from '../../../electron/sync/postgresStore';

describe('telling a node its own update announcements', () => {
  const me = 'AbCdEf12';
  it('finds its own id after the room and row id, with or without an inline update', () => {
    expect(announcedBy(`room1 42 ${me} AAECAw==`, me)).toBe(true);
    expect(announcedBy(`room1 42 ${me}`, me)).toBe(true);
  });
  it("does not mistake another node's announcement for its own", () => {
    expect(announcedBy('room1 42 ZZZZZZZZ AAECAw==', me)).toBe(false);
    // Its id inside the room id or the update, or as a prefix of a longer id, is not its id.
    expect(announcedBy(`${me} 42 ZZZZZZZZ ${me}`, me)).toBe(false);
    expect(announcedBy(`room1 42 ${me}x AAEC`, me)).toBe(false);
    expect(announcedBy('malformed', me)).toBe(false);
  });
});
