/// <reference types="vite/client" />
import { z } from 'zod';
import type { InvokeResult, ParsedArgs } from '../../shared/ipc/api';
import { hostSessionSchema, userRubricSchema } from '../../shared/ipc/contract';

/**
 * Services other folders of electron/ provide: the sync host (electron/sync)
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

/** What electron/sync/server.ts is expected to export. */
interface SyncServerModule {
  startSyncServer(options: { host: string; port: number; dataDir: string; rendererRoot: string }): Promise<unknown>;
}

/** The part of the running server the shell uses; checked, since it crosses a module boundary. */
const runningServerSchema = z.looseObject({
  ...hostSessionSchema.shape,
  close: z.custom<() => Promise<void>>((v) => typeof v === 'function', 'close() is missing'),
});

/** Adapts `startSyncServer` to the host-session channels: one server at a time. */
export function hostingFromSyncServer(
  mod: SyncServerModule,
  paths: { readonly dataDir: string; readonly rendererRoot: string },
): HostingService {
  let running: z.infer<typeof runningServerSchema> | null = null;
  const stop = async () => {
    const server = running;
    running = null;
    await server?.close();
  };
  return {
    async start(options) {
      await stop();
      const server = runningServerSchema.parse(
        await mod.startSyncServer({
          host: options.lan ? '0.0.0.0' : '127.0.0.1',
          port: options.port ?? 0,
          ...paths,
        }),
      );
      running = server;
      return hostSessionSchema.parse(server);
    },
    stop,
  };
}

const syncModules = import.meta.glob<SyncServerModule>('../sync/server.ts');
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
    hosting ??= loadSync ? loadSync().then((mod) => hostingFromSyncServer(mod, paths)) : Promise.resolve(unavailableHosting);
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
