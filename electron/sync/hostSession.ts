import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { buildJoinLink, formatJoinCode, type JoinTarget, type Role } from '../../shared/collab';
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
  /** The LAN address the links name (one of lanAddresses()); default the first. A VPN or Docker bridge may come first. */
  readonly address?: string;
  /** Keep the links working after hosting stops (they are revoked otherwise, so a link left in a chat opens nothing later). */
  readonly keepLinks?: boolean;
  readonly logger?: Logger;
}

/** A network interface a partner may reach this machine on. */
export interface LanInterface {
  /** The OS's name for it (en0, eth0, wlan0, docker0, tun0, "Wi-Fi"). */
  readonly name: string;
  readonly address: string;
}

export interface HostedSession {
  readonly port: number;
  readonly roomId: string;
  /** Where the host's own app connects (always loopback). */
  readonly localOrigin: string;
  /** The partner's link for a role; opens the app in a browser. */
  joinLink(role: Role): string;
  /**
   * The short code (`K7Q4-MZ2P`) a partner types, with this server's address,
   * instead of the link; for the interviewer (the usual partner of a host
   * practising as candidate). The server resolves it (POST /join-codes) while
   * hosting lasts.
   */
  readonly shortCode: string;
  shortCodeFor(role: Role): string;
  tokenFor(role: Role): string;
  /** Every interface the links could name, the one they do first. */
  readonly interfaces: readonly LanInterface[];
  /** Stops the server; revokes the room's links first unless they were kept. */
  stop(): Promise<void>;
}

/** The machine's non-internal IPv4 addresses, each with its interface's name: the ones a partner on a network can reach. */
export const lanAddresses = (): LanInterface[] =>
  Object.entries(networkInterfaces()).flatMap(([name, addrs]) =>
    (addrs ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => ({ name, address: a.address })),
  );

/** The machine's first non-internal IPv4 address. */
export const lanAddress = (): string | null => lanAddresses()[0]?.address ?? null;

/**
 * "Host a session" in the desktop app: starts the sync server in the main
 * process with one fresh room. It listens on 0.0.0.0 only when hosting on the
 * LAN; otherwise on 127.0.0.1, where only this machine can join.
 */
export const hostSession = async (options: HostSessionOptions): Promise<HostedSession> => {
  const log = options.logger ?? silentLogger;
  const found = options.lan ? lanAddresses() : [];
  if (options.address !== undefined && !found.some((i) => i.address === options.address))
    throw new Error(`${options.address} is not an address of this machine's network interfaces`);
  // The chosen interface first: the links name it.
  const interfaces = [...found].sort((a, b) => Number(b.address === options.address) - Number(a.address === options.address));
  const lanIp = interfaces[0]?.address ?? null;
  if (options.lan && !lanIp) log.warn('no LAN address found; the join link points at this machine only');
  const server = await startSyncServer({
    host: options.lan ? '0.0.0.0' : '127.0.0.1',
    port: options.port ?? 0,
    dataDir: options.dataDir,
    // With a data dir, the secret lives beside the rooms so links survive an app restart.
    secret: options.secret ?? (options.dataDir ? loadOrCreateSecret(join(options.dataDir, 'secret')) : undefined),
    staticDir: options.staticDir,
    // Browsers may reach the host by its loopback or any of its LAN addresses, and by no name (DNS rebinding).
    publicOrigins: (port) => ['127.0.0.1', ...interfaces.map((i) => i.address)].map((ip) => `http://${ip}:${port}`),
    logger: log,
  });
  const { roomId, tokens, codes } = server.createRoom();
  const origin = `http://${lanIp ?? '127.0.0.1'}:${server.port}`;
  const target = (role: Role): JoinTarget => ({ origin, roomId, token: tokens[role], role });
  return {
    port: server.port,
    roomId,
    localOrigin: `http://127.0.0.1:${server.port}`,
    joinLink: (role) => buildJoinLink(target(role)),
    shortCode: formatJoinCode(codes.interviewer),
    shortCodeFor: (role) => formatJoinCode(codes[role]),
    tokenFor: (role) => tokens[role],
    interfaces,
    async stop() {
      if (!options.keepLinks)
        await server.revokeLinks(roomId).catch((err: Error) => log.warn(`could not revoke the links: ${err.message}`));
      await server.close();
    },
  };
};
