import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  type ArchdrillApi,
  EVENT_NAMES,
  eventChannel,
  INVOKE_NAMES,
  type IpcEnvelope,
  invokeChannel,
  listenerName,
} from '../../shared/ipc/api';

/** The three ipcRenderer calls the API needs; the object itself never reaches the page. */
export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Builds `window.archdrill` by walking the contract: one named function per
 * invoke channel and one `on<Event>` subscriber per event. The page can reach
 * these channels and no others, and never sees ipcRenderer or an IPC event
 * object (whose `sender` is ipcRenderer).
 */
export function buildPreloadApi(ipc: PreloadIpc): ArchdrillApi {
  const api: Record<string, unknown> = {};
  for (const name of INVOKE_NAMES) {
    const channel = invokeChannel(name);
    api[name] = async (...args: unknown[]) => {
      const envelope = (await ipc.invoke(channel, ...args)) as IpcEnvelope<unknown>;
      if (!envelope.ok) throw new Error(envelope.error);
      return envelope.value;
    };
  }
  for (const name of EVENT_NAMES) {
    const channel = eventChannel(name);
    api[listenerName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${listenerName(name)} expects a function`);
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    };
  }
  return Object.freeze(api) as ArchdrillApi;
}
