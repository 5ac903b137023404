import { z } from 'zod';
import { encodeBase64url } from './base64url';

/** Bytes of randomness in a room id: 128 bits, so ids cannot be guessed or enumerated. */
export const ROOM_ID_BYTES = 16;

/**
 * A room id: 16 random bytes as unpadded base64url (22 characters). The last
 * character carries 2 bits, so only A, Q, g or w is canonical; anything else
 * would not survive a round trip through bytes.
 */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export const roomIdSchema = z.string().regex(ROOM_ID_PATTERN, 'must be a room id (22 base64url characters)');

export const isRoomId = (value: string): boolean => ROOM_ID_PATTERN.test(value);

/** A fresh room id from the platform's CSPRNG. */
export const newRoomId = (): string => encodeBase64url(crypto.getRandomValues(new Uint8Array(ROOM_ID_BYTES)));
