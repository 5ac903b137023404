/**
 * The desktop app's own origin: its pages are served from `app://archdrill/…`
 * (electron/main/protocol.ts). A sync server lets this origin create rooms
 * across origins (CORS for POST /rooms), as the admin key still decides.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'archdrill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
