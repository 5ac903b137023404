/**
 * Reads and writes PNG text chunks (tEXt, iTXt) so an exported picture can
 * carry its board, as Excalidraw's PNGs do. Pure byte work, no DOM: the
 * chunk layout is length · type · data · CRC-32 (PNG spec §5.3).
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export interface PngChunk {
  /** Four ASCII letters, e.g. `IHDR`, `iTXt`, `IEND`. */
  readonly type: string;
  readonly data: Uint8Array;
}

/** CRC-32 tables for eight bytes at a time ("slicing by 8"): a 49-megapixel export's IDAT is megabytes. */
const CRC_TABLES = (() => {
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) {
      const prev = t[(k - 1) * 256 + n] ?? 0;
      t[k * 256 + n] = (t[prev & 0xff] ?? 0) ^ (prev >>> 8);
    }
  return t;
})();

const crc32 = (parts: readonly Uint8Array[]): number => {
  const t = CRC_TABLES;
  let c = 0xffffffff;
  for (const bytes of parts) {
    let i = 0;
    for (const end = bytes.length - 8; i <= end; i += 8) {
      const lo =
        (c ^ ((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24))) >>> 0;
      c =
        (t[1792 + (lo & 0xff)] ?? 0) ^
        (t[1536 + ((lo >>> 8) & 0xff)] ?? 0) ^
        (t[1280 + ((lo >>> 16) & 0xff)] ?? 0) ^
        (t[1024 + (lo >>> 24)] ?? 0) ^
        (t[768 + (bytes[i + 4] ?? 0)] ?? 0) ^
        (t[512 + (bytes[i + 5] ?? 0)] ?? 0) ^
        (t[256 + (bytes[i + 6] ?? 0)] ?? 0) ^
        (t[bytes[i + 7] ?? 0] ?? 0);
    }
    for (; i < bytes.length; i++) c = (t[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
};

const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);
const latin1 = (bytes: Uint8Array) => {
  let s = '';
  // In slices: spreading a long text chunk into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

export const isPng = (bytes: Uint8Array): boolean => SIGNATURE.every((b, i) => bytes[i] === b);

/** Splits a PNG into its chunks; null when the bytes are not a well-formed PNG. CRCs are not checked: readers tolerate them. */
export const readPngChunks = (bytes: Uint8Array): PngChunk[] | null => {
  if (!isPng(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) return null;
    const type = latin1(bytes.subarray(at + 4, at + 8));
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') return chunks;
  }
  return null;
};

/** Joins chunks back into a PNG file, computing each CRC. */
export const writePngChunks = (chunks: readonly PngChunk[]): Uint8Array => {
  const size = SIGNATURE.length + chunks.reduce((n, c) => n + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let at = SIGNATURE.length;
  for (const c of chunks) {
    const type = ascii(c.type);
    view.setUint32(at, c.data.length);
    out.set(type, at + 4);
    out.set(c.data, at + 8);
    view.setUint32(at + 8 + c.data.length, crc32([type, c.data]));
    at += 12 + c.data.length;
  }
  return out;
};

/**
 * An iTXt chunk: keyword, no compression, no language, UTF-8 text.
 * iTXt rather than tEXt because labels and notes are UTF-8, which tEXt (Latin-1) cannot hold.
 */
export const itxtChunk = (keyword: string, text: string): PngChunk => {
  const key = ascii(keyword);
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // NUL after the keyword, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  data.set(body, key.length + 5);
  return { type: 'iTXt', data };
};

/** Keyword → text of the tEXt and uncompressed iTXt chunks (compressed ones are skipped: we never write them). */
export const readPngText = (chunks: readonly PngChunk[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const { type, data } of chunks) {
    const nul = data.indexOf(0);
    if (nul <= 0) continue;
    const keyword = latin1(data.subarray(0, nul));
    if (type === 'tEXt') out.set(keyword, latin1(data.subarray(nul + 1)));
    if (type !== 'iTXt' || data[nul + 1] !== 0) continue;
    const langEnd = data.indexOf(0, nul + 3);
    const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
    if (transEnd < 0) continue;
    out.set(keyword, new TextDecoder().decode(data.subarray(transEnd + 1)));
  }
  return out;
};

/**
 * Returns a copy of `png` with one iTXt chunk per entry, placed before IEND;
 * chunks with the same keywords are replaced, so re-exporting never stacks them.
 * Throws when `png` is not a PNG (the caller made it, so that is a bug).
 */
export const withPngText = (png: Uint8Array, entries: Readonly<Record<string, string>>): Uint8Array => {
  const chunks = readPngChunks(png);
  if (!chunks) throw new Error('not a PNG image: cannot embed the board');
  const keys = new Set(Object.keys(entries));
  const kept = chunks.filter((c) => {
    if (c.type !== 'iTXt' && c.type !== 'tEXt') return true;
    const nul = c.data.indexOf(0);
    return !keys.has(latin1(c.data.subarray(0, Math.max(0, nul))));
  });
  const added = Object.entries(entries).map(([k, v]) => itxtChunk(k, v));
  return writePngChunks([...kept.slice(0, -1), ...added, ...kept.slice(-1)]);
};

/** The text stored under `keyword`, or null when the bytes are not a PNG or have no such chunk. */
export const pngTextOf = (png: Uint8Array, keyword: string): string | null => {
  const chunks = readPngChunks(png);
  return chunks ? (readPngText(chunks).get(keyword) ?? null) : null;
};
