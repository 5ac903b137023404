import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { buildJoinLink, encodeShortCode, type JoinTarget, type Role } from '../../shared/collab';
import { loadOrCreateSecret } from './auth';
import { type Logger, silentLogger } from './log';
import { startSyncServer } from './server';

export interface HostSessionOptions {
  /** Listen on every interface and hand out the LAN address; otherwise 127.0.0.1 only. */
  readonly lan: boolean;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Persist the room (the app's data dir) so an app restart keeps the board. */
  readonly dataDir?: string;
  readonly secret?: Uint8Array;
  /** The built renderer, so a partner can join from a browser. */
  readonly staticDir?: string;
  readonly logger?: Logger;
}

export interface HostedSession {
  readonly port: number;
  readonly roomId: string;
  /** Where the host's own app connects (always loopback). */
  readonly localOrigin: string;
  /** The partner's link for a role; opens the app in a browser. */
  joinLink(role: Role): string;
  /** The short code a partner types instead of the link; for the interviewer (the usual partner of a host practising as candidate). */
  readonly shortCode: string;
  shortCodeFor(role: Role): string;
  tokenFor(role: Role): string;
  stop(): Promise<void>;
}

/** The machine's first non-internal IPv4 address, the one a partner on the same network can reach. */
export const lanAddress = (): string | null => {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
};

/**
 * "Host a session" in the desktop app: starts the sync server in the main
 * process with one fresh room. It listens on 0.0.0.0 only when hosting on the
 * LAN; otherwise on 127.0.0.1, where only this machine can join.
 */
export const hostSession = async (options: HostSessionOptions): Promise<HostedSession> => {
  const log = options.logger ?? silentLogger;
  const lanIp = options.lan ? lanAddress() : null;
  if (options.lan && !lanIp) log.warn('no LAN address found; the join link points at this machine only');
  const server = await startSyncServer({
    host: options.lan ? '0.0.0.0' : '127.0.0.1',
    port: options.port ?? 0,
    dataDir: options.dataDir,
    // With a data dir, the secret lives beside the rooms so links survive an app restart.
    secret: options.secret ?? (options.dataDir ? loadOrCreateSecret(join(options.dataDir, 'secret')) : undefined),
    staticDir: options.staticDir,
    logger: log,
  });
  const { roomId, tokens } = server.createRoom();
  const origin = `http://${lanIp ?? '127.0.0.1'}:${server.port}`;
  const target = (role: Role): JoinTarget => ({ origin, roomId, token: tokens[role], role });
  return {
    port: server.port,
    roomId,
    localOrigin: `http://127.0.0.1:${server.port}`,
    joinLink: (role) => buildJoinLink(target(role)),
    shortCode: encodeShortCode(target('interviewer')),
    shortCodeFor: (role) => encodeShortCode(target(role)),
    tokenFor: (role) => tokens[role],
    stop: () => server.close(),
  };
};
