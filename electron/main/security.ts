import type { Session, WebContents } from 'electron';
import { httpsUrl } from '../../shared/ipc/contract';

/** Electron's security checklist, applied in one place. The CSP itself is shared with the renderer build: shared/security/csp.ts. */
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME } from '../../shared/security/origins';

export { CONTENT_SECURITY_POLICY };

/** The webPreferences every window of ours gets (Electron's checklist items 2–6). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const;

/** Links we hand to the OS browser: https only, to a named host (the contract's schema). */
export const isVettedExternalUrl = (url: string): boolean => httpsUrl.safeParse(url).success;

const log = (message: string) => console.warn(`[archdrill security] ${message}`);

/**
 * The one permission our pages get: writing text to the clipboard (the Share
 * dialog's Copy buttons), and only for the app's own origin, never for a page
 * that somehow got into a frame. Reading the clipboard stays refused.
 */
const GRANTED_TO_APP: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a URL or origin is the app's own (app://archdrill), with nothing hiding in user:password@. */
const isOwnOrigin = (url: string | undefined): boolean => {
  if (!url || !URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
};

/** CSP on every response, and every permission (camera, notifications, USB, …) refused but clipboard writes by our own pages. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    if (GRANTED_TO_APP.has(permission) && isOwnOrigin(details?.requestingUrl)) return callback(true);
    log(`denied permission request "${permission}" from ${details?.requestingUrl ?? 'an unknown page'}`);
    callback(false);
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => GRANTED_TO_APP.has(permission) && isOwnOrigin(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/**
 * No page of ours navigates away or opens windows: navigation is the classic
 * way an injected link turns into a page with our preload. A vetted https link
 * a user clicks goes to the OS browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`blocked redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalUrl(url)) openExternal(url);
    else log(`blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}
