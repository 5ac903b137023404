import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_ORIGIN } from '../../shared/security/origins';

/**
 * Headers on every HTTP answer: the app's own CSP (shared/security/csp.ts,
 * with frame-ancestors 'none'), X-Frame-Options for browsers that predate
 * it, no MIME sniffing, and no Referer, so a join link's room never leaks to
 * another site through a page the app links to.
 */
export const SECURITY_HEADERS: Readonly<OutgoingHttpHeaders> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** `scheme://host[:port]` in the form browsers send as Origin (lower case, default port dropped); null when not a URL. */
export const normalOrigin = (value: string): string | null => {
  if (!URL.canParse(value)) return null;
  const u = new URL(value);
  // Node's URL gives custom schemes (app://) the origin "null": build it from the parts.
  return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
};

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/;

/**
 * Which browsers may talk to the server. With no public origins configured,
 * any Origin may open a WebSocket (the token is the guard) and any Host is
 * answered, as before. With `--public-origin` given, a browser's WebSocket
 * must come from one of them, and the Host header must name one of them or a
 * loopback address (DNS rebinding can point a name at the server, never make a
 * page send an IP literal as Host), so a page elsewhere cannot reach it.
 * Clients that send no Origin are not browsers and no page can drive them;
 * the desktop app (app://archdrill) is always let in, as it is our own client.
 * Cross-origin POST /rooms (CORS) is open to the public origins and the
 * desktop app, whose requests still need the admin key.
 */
export class OriginPolicy {
  private readonly origins: ReadonlySet<string>;
  private readonly hosts: ReadonlySet<string>;

  constructor(publicOrigins: readonly string[]) {
    const origins = publicOrigins.map((o) => {
      const n = normalOrigin(o);
      if (!n) throw new Error(`--public-origin ${o} is not an origin (https://host[:port])`);
      return n;
    });
    this.origins = new Set(origins);
    this.hosts = new Set(origins.filter((o) => /^https?:/.test(o)).map((o) => new URL(o).host));
  }

  get restricted(): boolean {
    return this.origins.size > 0;
  }

  /** Why a request may not be answered, or null when it may. */
  refuseHost(req: IncomingMessage): string | null {
    if (!this.restricted) return null;
    const host = (req.headers.host ?? '').toLowerCase();
    return this.hosts.has(host) || LOOPBACK_HOST.test(host) ? null : `Host ${JSON.stringify(host)} is not a public origin`;
  }

  /** Why a WebSocket upgrade may not proceed, or null when it may. */
  refuseSocket(req: IncomingMessage): string | null {
    const hostRefusal = this.refuseHost(req);
    if (hostRefusal) return hostRefusal;
    const origin = req.headers.origin;
    if (!this.restricted || origin === undefined) return null;
    const n = normalOrigin(origin);
    return n !== null && (n === APP_ORIGIN || this.origins.has(n))
      ? null
      : `Origin ${JSON.stringify(origin)} is not a public origin`;
  }

  /** The Access-Control-Allow-Origin for a cross-origin POST /rooms, or null to give none. */
  corsOrigin(req: IncomingMessage): string | null {
    const origin = req.headers.origin;
    if (origin === undefined) return null;
    const n = normalOrigin(origin);
    return n !== null && (n === APP_ORIGIN || this.origins.has(n)) ? origin : null;
  }
}
