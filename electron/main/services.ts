import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../shared/collab/roles';
import type { InvokeResult, ParsedArgs } from '../../shared/ipc/api';
import { hostSessionSchema } from '../../shared/ipc/contract';
import { userRubricsDir } from '../paths';
import { loadRubrics } from '../rubrics/loadRubrics';

/**
 * Services other folders of electron/ provide, behind small interfaces the
 * shell takes as injected dependencies: the sync host (electron/sync) and the
 * user rubric folder (electron/rubrics). Tests pass fakes; `loadServices`
 * wires the real ones. The sync host is imported lazily, in its own chunk, so
 * its native store (LevelDB) loads only when a session is hosted.
 */

export type HostOptions = ParsedArgs<'hostStart'>[0];
export type HostSession = InvokeResult<'hostStart'>;
export type UserRubric = InvokeResult<'userRubrics'>[number];

export interface HostingService {
  start(options: HostOptions): Promise<HostSession>;
  stop(): Promise<void>;
}

export type ListUserRubrics = () => Promise<UserRubric[]>;

export const unavailableHosting: HostingService = {
  start: () => Promise.reject(new Error('Hosting a session is not available in this build of Archdrill.')),
  stop: () => Promise.resolve(),
};

export const unavailableUserRubrics: ListUserRubrics = () =>
  Promise.reject(new Error('Your own rubric folder is not available in this build of Archdrill.'));

/** The part of electron/sync/hostSession.ts the shell uses (test/electron/hosting.test.ts passes the real module, so tsc checks it). */
interface SyncHostModule {
  hostSession(options: {
    lan: boolean;
    port?: number;
    dataDir?: string;
    staticDir?: string;
    address?: string;
    keepLinks?: boolean;
  }): Promise<{
    readonly port: number;
    readonly roomId: string;
    readonly localOrigin: string;
    readonly shortCode: string;
    joinLink(role: Role): string;
    shortCodeFor(role: Role): string;
    readonly interfaces: readonly { readonly name: string; readonly address: string }[];
    stop(): Promise<void>;
  }>;
}

const byRole = <T>(fn: (role: Role) => T) => ({
  candidate: fn('candidate'),
  interviewer: fn('interviewer'),
  spectator: fn('spectator'),
});

/** Adapts the sync host to the host-session channels: one session at a time, stopped before the next starts. */
export function hostingFromSync(
  mod: SyncHostModule,
  paths: { readonly dataDir: string; readonly rendererRoot: string },
): HostingService {
  let running: { stop(): Promise<void> } | null = null;
  const stop = async () => {
    const session = running;
    running = null;
    await session?.stop();
  };
  return {
    async start(options) {
      await stop();
      const session = await mod.hostSession({
        lan: options.lan ?? false,
        ...(options.port !== undefined && { port: options.port }),
        ...(options.address !== undefined && { address: options.address }),
        ...(options.keepLinks !== undefined && { keepLinks: options.keepLinks }),
        dataDir: paths.dataDir,
        staticDir: paths.rendererRoot,
      });
      running = session;
      return hostSessionSchema.parse({
        port: session.port,
        roomId: session.roomId,
        localOrigin: session.localOrigin,
        joinUrl: session.joinLink('interviewer'),
        code: session.shortCode,
        links: byRole((role) => session.joinLink(role)),
        codes: byRole((role) => session.shortCodeFor(role)),
        interfaces: session.interfaces,
      });
    },
    stop,
  };
}

/** The user's own rubrics: each file in the user rubric folder, loaded or with its error. */
export async function listUserRubrics(dirs: { readonly builtin: string; readonly user: string }): Promise<UserRubric[]> {
  const { rubrics, problems } = await loadRubrics(dirs);
  return [
    ...(await Promise.all(
      rubrics
        .filter((r) => r.source === 'user')
        .map(async (r) => ({
          id: r.rubric.id,
          title: r.rubric.title,
          file: r.file,
          text: await readFile(join(dirs.user, r.file), 'utf8'),
        })),
    )),
    ...problems.filter((p) => p.source === 'user').map((p) => ({ file: p.file, error: p.messages.join('; ') })),
  ];
}

/** The real services of the desktop app. */
export function loadServices(paths: {
  readonly dataDir: string;
  readonly rendererRoot: string;
  readonly builtinRubrics: string;
}): { hosting: HostingService; listUserRubrics: ListUserRubrics } {
  let hosting: Promise<HostingService> | null = null;
  const getHosting = () => {
    hosting ??= import('../sync/hostSession').then((mod) =>
      hostingFromSync(mod, { dataDir: join(paths.dataDir, 'sessions'), rendererRoot: paths.rendererRoot }),
    );
    return hosting;
  };
  return {
    hosting: {
      start: async (options) => (await getHosting()).start(options),
      stop: async () => (hosting ? (await hosting).stop() : undefined),
    },
    listUserRubrics: () => listUserRubrics({ builtin: paths.builtinRubrics, user: userRubricsDir() }),
  };
}
