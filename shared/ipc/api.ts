import type { z } from 'zod';
import { EVENT_CONTRACT, INVOKE_CONTRACT } from './contract';

/**
 * Names and types derived from the contract. Main, preload and renderer use
 * these, so a channel added to the contract appears everywhere at once and a
 * missing handler is a type error.
 */

export type InvokeName = keyof typeof INVOKE_CONTRACT;
export type EventName = keyof typeof EVENT_CONTRACT;

/** What the renderer passes (schema input). */
export type InvokeArgs<K extends InvokeName> = z.input<(typeof INVOKE_CONTRACT)[K]['args']>;
/** What the main-side handler receives after validation (schema output). */
export type ParsedArgs<K extends InvokeName> = z.output<(typeof INVOKE_CONTRACT)[K]['args']>;
export type InvokeResult<K extends InvokeName> = z.output<(typeof INVOKE_CONTRACT)[K]['result']>;
export type EventPayload<K extends EventName> = z.output<(typeof EVENT_CONTRACT)[K]>;

export type ListenerName<K extends EventName> = `on${Capitalize<K>}`;

/** The shape of `window.archdrill` in the desktop app. */
export type ArchdrillApi = {
  readonly [K in InvokeName]: (...args: InvokeArgs<K>) => Promise<InvokeResult<K>>;
} & {
  readonly [K in EventName as ListenerName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** The key under which the preload exposes the API. */
export const API_GLOBAL = 'archdrill';

/**
 * Handlers answer with an envelope rather than throwing, so the renderer gets
 * the exact sentence (Electron prefixes thrown errors with its own text).
 */
export type IpcEnvelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const INVOKE_NAMES = Object.keys(INVOKE_CONTRACT) as InvokeName[];
export const EVENT_NAMES = Object.keys(EVENT_CONTRACT) as EventName[];

export const invokeChannel = (name: InvokeName): string => `archdrill:${name}`;
export const eventChannel = (name: EventName): string => `archdrill:event:${name}`;
export const listenerName = <K extends EventName>(name: K): ListenerName<K> =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as ListenerName<K>;

/** Every function name the preload exposes, in contract order. */
export const API_FUNCTION_NAMES: readonly string[] = [...INVOKE_NAMES, ...EVENT_NAMES.map(listenerName)];
