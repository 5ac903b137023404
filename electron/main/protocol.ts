import * as nodeFs from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/security/origins';
import { mimeTypeOf } from '../mimeTypes';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The renderer is served from `app://archdrill/…`, not `file://`: a standard,
 * secure scheme gives the page a real origin (so CSP 'self', IndexedDB and
 * fetch behave as on the web) without file://'s extra privileges, and only
 * files under dist/renderer can be reached.
 */
export { APP_HOST, APP_ORIGIN, APP_SCHEME };
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * True for URLs of our own pages (the only origin allowed to talk to main).
 * Compares scheme and host rather than `origin`: Node's URL gives custom
 * schemes the opaque origin "null", Chromium a real one.
 */
export const isAppUrl = (url: string): boolean => {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
};

/**
 * Maps an app:// URL to a file under `root`, or null when the URL points
 * anywhere else: another host, an encoded `..` or separator that would climb
 * out of root, a NUL byte.
 */
export function resolveAppPath(root: string, url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, relativePath);
  const rel = relative(absoluteRoot, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/** The protocol.handle callback: serves files of `root` with their type and the CSP. */
export function createAppRequestHandler(
  root: string,
  readFile: (path: string) => Promise<Uint8Array> = nodeFs.readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = resolveAppPath(root, request.url);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeOf(extname(file)),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
