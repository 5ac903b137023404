import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { mimeTypeOf } from '../mimeTypes';
import { SECURITY_HEADERS } from './httpPolicy';

const send = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
};

/** A segment starting with a dot (.git, .env, .DS_Store) is never served, whatever the build put there. */
const hasDotSegment = (path: string): boolean => path.split(/[\\/]/).some((seg) => seg.startsWith('.'));

/**
 * Serves the built renderer so a join link opens the app in any browser.
 * Paths are decoded once, `..` segments and NUL bytes are refused, dotfiles
 * are not found, and the real path (symlinks resolved) must stay inside the root.
 * Every answer carries SECURITY_HEADERS (the app's CSP, no framing). Unknown
 * extension-less paths fall back to index.html (the app routes by hash, this
 * is only for reloads of a deep path).
 */
export const createStaticHandler = (staticDir: string) => {
  const root = resolve(staticDir);
  let realRoot: Promise<string> | null = null;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const rawPath = (req.url ?? '/').split('?')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return send(res, 400, 'bad path');
    }
    if (path.includes('\0') || path.split(/[\\/]/).includes('..')) return send(res, 400, 'bad path');
    if (hasDotSegment(path)) return send(res, 404, 'not found');
    realRoot ??= realpath(root);
    const base = await realRoot.catch(() => null);
    if (base === null) return send(res, 404, 'the app is not built on this server (no static directory)');

    const locate = async (p: string): Promise<string | null> => {
      try {
        const file = await realpath(join(root, p));
        if (file !== base && !file.startsWith(base + sep)) return null;
        // A symlink inside the root may name a dotfile too.
        if (hasDotSegment(file.slice(base.length))) return null;
        const s = await stat(file);
        if (s.isDirectory()) return locate(join(p, 'index.html'));
        return s.isFile() ? file : null;
      } catch {
        return null;
      }
    };
    let file = await locate(path);
    if (file === null && extname(path) === '') file = await locate('index.html');
    if (file === null) return send(res, 404, 'not found');

    const isIndex = file.endsWith(`${sep}index.html`);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': mimeTypeOf(extname(file)),
      // Vite fingerprints assets; index.html must be re-fetched so a new build is picked up.
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
};
