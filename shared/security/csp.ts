/**
 * The app's Content Security Policy, declared once: the desktop shell sends it
 * as a header on every app:// response, and the renderer build puts it in a
 * meta tag, so a page served by the host's HTTP server or `npm run web`'s
 * preview is covered too.
 *
 * Why each source is there: styles 'unsafe-inline' because React Flow
 * positions nodes with inline style attributes; ws:/wss: and loopback http for
 * y-websocket and the session host; data:/blob: images, fonts and fetches
 * because the PNG/SVG export draws the board as an SVG image with
 * inlined styles and reads it back through a canvas.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:* data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy for a <meta> tag, where browsers ignore (and warn about) frame-ancestors. */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
