import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../../shared/ipc/api';
import { buildPreloadApi } from './api';

/**
 * The sandboxed preload, bundled to dist-electron/preload.cjs (a sandboxed
 * preload can require only `electron` and a few built-ins, so everything else
 * is bundled in). It exposes the contract's named functions and nothing else.
 */
contextBridge.exposeInMainWorld(API_GLOBAL, buildPreloadApi(ipcRenderer));
