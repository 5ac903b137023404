/// <reference types="vite/client" />
import { z } from 'zod';
import type { Role } from '../../shared/collab/roles';
import type { InvokeResult, ParsedArgs } from '../../shared/ipc/api';
import { hostSessionSchema, userRubricSchema } from '../../shared/ipc/contract';

/**
 * Services other folders of electron/ provide: the sync host (electron/sync/hostSession.ts)
 * and the user rubric folder (electron/rubrics). The shell takes them as
 * injected dependencies; `loadOptionalServices` wires the real ones when those
 * modules exist in the build. import.meta.glob (Vite) bundles a module when it
 * exists and yields nothing when it does not, so the shell builds and runs
 * either way.
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
  hostSession(options: { lan: boolean; port?: number; dataDir?: string; staticDir?: string }): Promise<{
    readonly port: number;
    readonly roomId: string;
    readonly localOrigin: string;
    readonly shortCode: string;
    joinLink(role: Role): string;
    shortCodeFor(role: Role): string;
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
      });
    },
    stop,
  };
}

const syncModules = import.meta.glob<SyncHostModule>('../sync/hostSession.ts');
const rubricModules = import.meta.glob<{ listUserRubrics: ListUserRubrics }>('../rubrics/userRubrics.ts');

/** Lazily wires whichever optional services this build contains. */
export function loadOptionalServices(paths: { readonly dataDir: string; readonly rendererRoot: string }): {
  hosting: HostingService;
  listUserRubrics: ListUserRubrics;
} {
  const loadSync = Object.values(syncModules)[0];
  const loadRubrics = Object.values(rubricModules)[0];
  let hosting: Promise<HostingService> | null = null;
  const getHosting = () => {
    hosting ??= loadSync ? loadSync().then((mod) => hostingFromSync(mod, paths)) : Promise.resolve(unavailableHosting);
    return hosting;
  };
  return {
    hosting: {
      start: async (options) => (await getHosting()).start(options),
      stop: async () => (hosting ? (await hosting).stop() : undefined),
    },
    listUserRubrics: loadRubrics
      ? async () => z.array(userRubricSchema).parse(await (await loadRubrics()).listUserRubrics())
      : unavailableUserRubrics,
  };
}
