/**
 * Figures written for people, in the forms the rules engine's notes parser
 * reads back (shared/rules/quantities.ts): "39/s", "3.9K/s", "100M", "3 TB",
 * "1.9 MB/s". Count suffixes are attached ("4K"); byte units follow a space
 * ("3 TB"), and bytes are decimal (1 KB = 1,000 B) — estimates are orders of
 * magnitude, and the parser reads them the same way.
 */

const COUNT_UNITS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

const BYTE_UNITS: readonly [number, string][] = [
  [1e15, 'PB'],
  [1e12, 'TB'],
  [1e9, 'GB'],
  [1e6, 'MB'],
  [1e3, 'KB'],
];

/** Two significant digits: "39", "3.9", "0.45". Enough for an estimate, short enough to say aloud. */
const sig = (v: number, digits = 2): string =>
  v.toLocaleString('en-US', { maximumSignificantDigits: digits, useGrouping: false });

const scaled = (v: number, units: readonly [number, string][], sep: string, base: string): string => {
  if (!Number.isFinite(v)) return '—';
  // Round first, so 999,700 becomes "1M", not "1,000K".
  for (const [size, unit] of units) if (Number(sig(Math.abs(v))) >= size) return `${sig(v / size)}${sep}${unit}`;
  return `${sig(v)}${base}`;
};

/** 38.6 → "39", 3,858 → "3.9K", 1.2e9 → "1.2B". */
export const formatCount = (n: number): string => scaled(n, COUNT_UNITS, '', '');

/** 3.04e12 → "3 TB", 500 → "500 B". */
export const formatBytes = (n: number): string => scaled(n, BYTE_UNITS, ' ', ' B');

/** Per second: "39/s", "3.9K/s". */
export const formatRate = (perSec: number): string => `${formatCount(perSec)}/s`;

/** Bytes per second: "19 KB/s". */
export const formatBandwidth = (bytesPerSec: number): string => `${formatBytes(bytesPerSec)}/s`;

/**
 * A countdown: 299.2 → "5:00" (a countdown shows the second it is in),
 * 0 → "0:00", −12.5 → "−0:12" (overtime, minus sign U+2212). Hours when needed: "1:02:03".
 */
export const formatClock = (sec: number): string => {
  const negative = sec < 0;
  const whole = negative ? Math.floor(-sec) : Math.ceil(sec);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return negative && whole > 0 ? `−${body}` : body;
};

/** A duration for a summary: 2,700 → "45 min", 90 → "1 min 30 s", 30 → "30 s". */
export const formatMinutes = (sec: number): string => {
  const whole = Math.round(Math.max(0, sec));
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
};

const SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

/**
 * Reads a count typed in a form the way people say it: "10M", "1.5b",
 * "100,000", "2 k". Null when it is not a number.
 */
export const parseCount = (text: string): number | null => {
  const m = /^\s*(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*(k|m|bn|b|t)?\s*$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, '')) * SUFFIX[(m[2] ?? '').toLowerCase()]!;
  return Number.isFinite(value) ? value : null;
};
