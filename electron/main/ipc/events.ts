import type { BrowserWindow } from 'electron';
import { type EventName, type EventPayload, eventChannel } from '../../../shared/ipc/api';

/** Sends a contract event to the window's page; false when there is no live page to receive it. */
export function sendEvent<K extends EventName>(win: BrowserWindow | null, name: K, payload: EventPayload<K>): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  win.webContents.send(eventChannel(name), payload);
  return true;
}
