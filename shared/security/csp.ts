/**
 * The app's Content Security Policy, declared once: the desktop shell sends it
 * as a header on every app:// response, and the renderer build puts it in a
 * meta tag, so a page served by the host's HTTP server or `npm run web`'s
 * preview is covered too.
 *
 * Why each source is there: styles 'unsafe-inline' because React Flow
 * positions nodes with inline style attributes; ws:/wss: for y-websocket to
 * any host a join link names, and http:/https: for the session host and for
 * creating a room on a team server (its CORS admits only the origins it is
 * configured with, and the admin key decides); data:/blob: images, fonts and fetches
 * because the PNG/SVG export draws the board as an SVG image with
 * inlined styles and reads it back through a canvas.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss: http: https: data: blob:",
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
