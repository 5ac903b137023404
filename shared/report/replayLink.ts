import { encodeBase64url } from '../collab/base64url';
import type { ReportReplay } from './types';

/**
 * Chromium refuses URLs longer than 2 MiB, a data URL included; a replay whose
 * link would be longer is left out of the HTML report (with a note saying how
 * to send it instead) rather than embedded as a link that does nothing. A
 * 60-minute mock's replay is well under it (about 0.5 MB as a link).
 */
export const MAX_REPLAY_DATA_URL = 2 * 1024 * 1024 - 1;

const MIME = 'application/json';

/** Standard base64 with padding (data URLs do not read base64url). */
const base64 = (bytes: Uint8Array): string => {
  const url = encodeBase64url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
};

/**
 * The HTML report's link to the attempt's replay: the attempts file itself, as
 * a data URL the link downloads under its own name. The report stays one file
 * that works offline and in a mail client; a coach who receives only the report
 * saves the attempt from it and opens it in Archdrill. Without `href` when the
 * link would be too long for a browser to follow.
 */
export const embeddedReplay = (name: string, fileText: string): ReportReplay => {
  const bytes = new TextEncoder().encode(fileText);
  const href = `data:${MIME};base64,${base64(bytes)}`;
  return href.length > MAX_REPLAY_DATA_URL ? { name, bytes: bytes.length } : { name, href, bytes: bytes.length };
};

/** The Markdown report's link: the attempts file saved beside the report under `name`. */
export const replayBeside = (name: string, fileText: string): ReportReplay => ({
  name,
  href: name,
  bytes: new TextEncoder().encode(fileText).length,
});

/** 318_000 → "311 KB"; sizes a person reads beside a link. */
export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** The sentence under the link: what the file is and how to watch it. */
export const REPLAY_HOWTO =
  'The link saves this attempt with its replay. Open the file in Archdrill (drop it on the window, or History › Import attempts) to watch the interview back: the board, the notes and the score at every moment.';

/** Said instead of the link when the file is too large to carry in the report. */
export const replayTooLarge = (r: ReportReplay): string =>
  `This interview's replay (${formatBytes(r.bytes)}) is too large to carry in the report: send its attempt file (History › Export) with it.`;
