/**
 * Joins independent deflate streams (RFC 1951) into one, without
 * decompressing or recompressing: each stream's blocks are copied bit for bit,
 * only the "last block" flags are cleared. Finding where each block ends needs
 * its Huffman symbols walked (not their values, only their lengths), which is
 * cheap next to compressing again. Optionally the first literal of a stream is
 * swapped for another (the PNG band joiner uses that to change a row's filter).
 * Pure byte work, no DOM.
 */

/** Thrown when a stream is not valid deflate or a requested swap is impossible. */
export class DeflateJoinError extends Error {}

const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Base values of the length and distance codes (RFC 1951 §3.2.5). */
const baseOf = (extra: readonly number[], first: number) => {
  const base: number[] = [];
  let b = first;
  for (const e of extra) {
    base.push(b);
    b += 1 << e;
  }
  return base;
};
const LENGTH_BASE = baseOf(LENGTH_EXTRA, 3).map((b, i) => (i === 28 ? 258 : b));
const DIST_BASE = baseOf(DIST_EXTRA, 1);
/** The farthest back a match can reach, plus the longest match. */
const WINDOW = 32_768 + 258;
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Up to 24 bits at bit `pos`, least significant first (bytes past the end read as 0). */
const peek = (buf: Uint8Array, pos: number, n: number): number => {
  const i = pos >>> 3;
  const v = (buf[i] ?? 0) | ((buf[i + 1] ?? 0) << 8) | ((buf[i + 2] ?? 0) << 16) | ((buf[i + 3] ?? 0) << 24);
  return (v >>> (pos & 7)) & ((1 << n) - 1);
};

/** A Huffman decoding table: index by the next `bits` stream bits, entry = symbol << 4 | code length. */
interface Table {
  readonly entries: Uint16Array;
  readonly bits: number;
}

/** `code`'s low `length` bits in reverse order: Huffman codes go into the stream most significant bit first. */
const reverse = (code: number, length: number) => {
  let rev = 0;
  for (let b = 0; b < length; b++) rev |= ((code >>> b) & 1) << (length - 1 - b);
  return rev;
};

/** The canonical codes (RFC 1951 §3.2.2) for `lengths`, bit-reversed as they appear in the stream. */
const codesOf = (lengths: ArrayLike<number>): Int32Array => {
  const count = new Int32Array(16);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    count[len] = (count[len] ?? 0) + 1;
  }
  count[0] = 0;
  const next = new Int32Array(16);
  for (let len = 1, code = 0; len < 16; len++) {
    code = (code + (count[len - 1] ?? 0)) << 1;
    next[len] = code;
  }
  const codes = new Int32Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    if (!len) continue;
    const code = next[len] ?? 0;
    next[len] = code + 1;
    codes[s] = reverse(code, len);
  }
  return codes;
};

const tableOf = (lengths: ArrayLike<number>): Table => {
  let bits = 1;
  for (let s = 0; s < lengths.length; s++) bits = Math.max(bits, lengths[s] ?? 0);
  const entries = new Uint16Array(1 << bits);
  const codes = codesOf(lengths);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    if (!len) continue;
    for (let j = codes[s] ?? 0; j < entries.length; j += 1 << len) entries[j] = (s << 4) | len;
  }
  return { entries, bits };
};

const FIXED_LIT = Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8));
const FIXED_DIST = Array.from({ length: 30 }, () => 5);
const FIXED = { lit: tableOf(FIXED_LIT), dist: tableOf(FIXED_DIST) };

/** Decodes one symbol at `pos`: returns symbol << 4 | code length. */
const symbolAt = (buf: Uint8Array, pos: number, t: Table): number => {
  const e = t.entries[peek(buf, pos, t.bits)] ?? 0;
  if (!e) throw new DeflateJoinError('invalid Huffman code');
  return e;
};

/** One block of a stream, as bit positions into it. */
interface Block {
  /** Bit position of the block header (its BFINAL bit). */
  readonly start: number;
  /** Bit position just past the block (after its end-of-block code, or its stored bytes). */
  readonly end: number;
  readonly stored: boolean;
  readonly final: boolean;
  /** Where the first symbol starts, and the literal/length code lengths (compressed blocks only). */
  readonly firstSymbol: number;
  readonly litLengths: ArrayLike<number>;
}

/** Reads the dynamic block header at `pos` (just after BTYPE); returns the tables and where symbols start. */
const dynamicHeader = (buf: Uint8Array, at: number) => {
  let pos = at;
  const hlit = peek(buf, pos, 5) + 257;
  const hdist = peek(buf, pos + 5, 5) + 1;
  const hclen = peek(buf, pos + 10, 4) + 4;
  pos += 14;
  const clLengths = new Uint8Array(19);
  for (let i = 0; i < hclen; i++, pos += 3) clLengths[CL_ORDER[i] ?? 0] = peek(buf, pos, 3);
  const cl = tableOf(clLengths);
  const lengths = new Uint8Array(hlit + hdist);
  for (let i = 0; i < lengths.length; ) {
    const e = symbolAt(buf, pos, cl);
    pos += e & 15;
    const sym = e >>> 4;
    if (sym < 16) lengths[i++] = sym;
    else {
      const [extra, base, value] = sym === 16 ? [2, 3, lengths[i - 1]] : sym === 17 ? [3, 3, 0] : [7, 11, 0];
      if (sym === 16 && i === 0) throw new DeflateJoinError('repeat with no previous length');
      const n = base + peek(buf, pos, extra);
      pos += extra;
      if (i + n > lengths.length) throw new DeflateJoinError('code lengths overflow');
      lengths.fill(value ?? 0, i, i + n);
      i += n;
    }
  }
  const litLengths = lengths.subarray(0, hlit);
  return { lit: tableOf(litLengths), dist: tableOf(lengths.subarray(hlit)), litLengths, pos };
};

/** A block's header at bit `start`: its kind, and where its data or first symbol starts. */
const blockHeader = (buf: Uint8Array, start: number) => {
  const final = peek(buf, start, 1) === 1;
  const type = peek(buf, start + 1, 2);
  if (type === 3) throw new DeflateJoinError('invalid block type');
  if (type === 0) {
    const at = (start + 3 + 7) & ~7;
    const len = peek(buf, at, 16);
    if ((len ^ 0xffff) !== peek(buf, at + 16, 16)) throw new DeflateJoinError('stored block length mismatch');
    return { final, stored: true, firstSymbol: at + 32, storedBytes: len, lit: FIXED.lit, dist: FIXED.dist, litLengths: [] };
  }
  const h = type === 1 ? { ...FIXED, litLengths: FIXED_LIT, pos: start + 3 } : dynamicHeader(buf, start + 3);
  return { final, stored: false, firstSymbol: h.pos, storedBytes: 0, lit: h.lit, dist: h.dist, litLengths: h.litLengths };
};

/**
 * The first block's symbols up to its last match that copies byte 0, so that
 * byte can be changed by writing those symbols again (fixed codes) with each
 * such match split into the byte itself and the rest of the match.
 */
export interface Prefix {
  /** Per symbol: 0 for a literal, else the match length. */
  readonly lengths: number[];
  /** Per symbol: the literal's value, or the match distance. */
  readonly values: number[];
  /** Per symbol: the bit just past it. */
  readonly ends: number[];
  /** The first output bytes (as far as matches can reach back to byte 0). */
  readonly head: Uint8Array;
}

/** What walking a stream found. */
export interface Walked {
  readonly blocks: Block[];
  /** Some match copies the stream's first output byte (then it cannot be changed alone). */
  readonly firstCopied: boolean;
  /** When every such match is in the first block: its symbols up to the last of them. */
  readonly prefix: Prefix | null;
}

/** Walks every block of the raw deflate stream `buf`, stopping after its final block. */
export const deflateBlocks = (buf: Uint8Array): Walked => {
  const blocks: Block[] = [];
  const limit = buf.length * 8;
  let pos = 0;
  let out = 0;
  let firstCopied = false;
  let copiedLater = false;
  const prefix = { lengths: [] as number[], values: [] as number[], ends: [] as number[], head: new Uint8Array(WINDOW + 258) };
  let lastCopy = -1;
  for (;;) {
    if (pos + 3 > limit) throw new DeflateJoinError('stream ends before its final block');
    const start = pos;
    const h = blockHeader(buf, start);
    if (h.stored) {
      pos = h.firstSymbol + h.storedBytes * 8;
      out += h.storedBytes;
    } else {
      pos = h.firstSymbol;
      const lit = h.lit.entries;
      const litBits = h.lit.bits;
      const dist = h.dist.entries;
      const distBits = h.dist.bits;
      for (;;) {
        const e = lit[peek(buf, pos, litBits)] ?? 0;
        if (!e) throw new DeflateJoinError('invalid Huffman code');
        pos += e & 15;
        const sym = e >>> 4;
        if (sym < 256) {
          if (out < WINDOW) {
            prefix.head[out] = sym;
            if (blocks.length === 0) {
              prefix.lengths.push(0);
              prefix.values.push(sym);
              prefix.ends.push(pos);
            }
          }
          out++;
          continue;
        }
        if (sym === 256) break;
        const lengthExtra = LENGTH_EXTRA[sym - 257] ?? 0;
        const near = out < WINDOW;
        // Only matches near the start can reach back to byte 0; farther on, skip the values.
        const length = near ? (LENGTH_BASE[sym - 257] ?? 0) + peek(buf, pos, lengthExtra) : 0;
        pos += lengthExtra;
        const d = dist[peek(buf, pos, distBits)] ?? 0;
        if (!d) throw new DeflateJoinError('invalid Huffman code');
        pos += d & 15;
        const distExtra = DIST_EXTRA[d >>> 4] ?? 0;
        if (near) {
          const distance = (DIST_BASE[d >>> 4] ?? 0) + peek(buf, pos, distExtra);
          if (distance > out) throw new DeflateJoinError('match reaches before the stream');
          for (let j = 0; j < length; j++) prefix.head[out + j] = prefix.head[out - distance + j] ?? 0;
          if (blocks.length === 0) {
            prefix.lengths.push(length);
            prefix.values.push(distance);
            prefix.ends.push(pos + distExtra);
          }
          if (out === distance) {
            firstCopied = true;
            if (blocks.length === 0) lastCopy = prefix.lengths.length - 1;
            else copiedLater = true;
          }
          out += length;
        }
        pos += distExtra;
        if (pos > limit) throw new DeflateJoinError('stream ends inside a block');
      }
    }
    if (pos > limit) throw new DeflateJoinError('stream ends inside a block');
    blocks.push({ start, end: pos, stored: h.stored, final: h.final, firstSymbol: h.firstSymbol, litLengths: h.litLengths });
    if (h.final) {
      const fixable = firstCopied && !copiedLater && lastCopy >= 0;
      const cut = lastCopy + 1;
      const kept = fixable
        ? {
            lengths: prefix.lengths.slice(0, cut),
            values: prefix.values.slice(0, cut),
            ends: prefix.ends.slice(0, cut),
            head: prefix.head,
          }
        : null;
      return { blocks, firstCopied, prefix: kept };
    }
  }
};

/** Writes bits least significant first. */
class BitWriter {
  private acc = 0;
  private n = 0;
  private at = 0;
  constructor(private out: Uint8Array) {}
  /** Writes the low `n` (≤ 16) bits of `v`. */
  bits(v: number, n: number) {
    this.acc |= (v & ((1 << n) - 1)) << this.n;
    this.n += n;
    while (this.n >= 8) {
      this.ensure(1);
      this.out[this.at++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  /** Copies bits [from, to) of `src`. */
  copy(src: Uint8Array, from: number, to: number) {
    let pos = from;
    if ((pos & 7) === this.n && to - pos >= 64) {
      // Same alignment on both sides: finish the partial byte, then whole bytes at once.
      if (this.n) {
        const k = 8 - this.n;
        this.bits(peek(src, pos, k), k);
        pos += k;
      }
      const bytes = (to - pos) >>> 3;
      this.ensure(bytes);
      this.out.set(src.subarray(pos >>> 3, (pos >>> 3) + bytes), this.at);
      this.at += bytes;
      pos += bytes * 8;
    }
    if ((pos & 7) !== 0 && to - pos >= 8) {
      const k = 8 - (pos & 7);
      this.bits(peek(src, pos, k), k);
      pos += k;
    }
    // Source on a byte boundary: each byte goes in shifted by the writer's pending bits.
    const whole = (to - pos) >>> 3;
    if (whole > 0) {
      this.ensure(whole);
      const out = this.out;
      let acc = this.acc;
      const n = this.n;
      let at = this.at;
      for (let j = pos >>> 3, end = j + whole; j < end; j++) {
        acc |= (src[j] ?? 0) << n;
        out[at++] = acc & 0xff;
        acc >>>= 8;
      }
      this.acc = acc;
      this.at = at;
      pos += whole * 8;
    }
    if (pos < to) this.bits(peek(src, pos, to - pos), to - pos);
  }
  align() {
    if (this.n > 0) this.bits(0, 8 - this.n);
  }
  done(): Uint8Array {
    this.align();
    return this.out.subarray(0, this.at);
  }
  private ensure(bytes: number) {
    if (this.at + bytes <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.at + bytes + 1024));
    grown.set(this.out.subarray(0, this.at));
    this.out = grown;
  }
}

/** A raw deflate stream to join, and optionally a literal to swap for its first byte. */
export interface DeflatePart {
  readonly data: Uint8Array;
  /** deflateBlocks(data), when already walked (the walk is most of the work; do it as each part arrives). */
  readonly walked?: Walked;
  /** Replace the stream's first byte (a literal: nothing precedes it to copy) with this value. */
  readonly firstByte?: number;
}

/** The value of the first byte the raw deflate stream `data` decodes to (reads only the first block's header). */
export const firstByteOf = (data: Uint8Array): number => {
  const h = blockHeader(data, 0);
  if (h.stored) return data[h.firstSymbol >>> 3] ?? 0;
  const sym = symbolAt(data, h.firstSymbol, h.lit) >>> 4;
  if (sym > 255) throw new DeflateJoinError('stream does not start with a literal');
  return sym;
};

const litTable = (b: Block) => (b.litLengths === FIXED_LIT ? FIXED.lit : tableOf(b.litLengths));

/** The bit-reversed fixed-Huffman code of a literal (RFC 1951 §3.2.6). */
const fixedLiteral = (lit: number): [code: number, length: number] => {
  const [code, length] = lit < 144 ? [0x30 + lit, 8] : [0x190 + lit - 144, 9];
  return [reverse(code, length), length];
};

/** The index of the last of the ascending `bases` that is at most `v`. */
const lastAtMost = (bases: readonly number[], v: number) => {
  let i = 0;
  while (i + 1 < bases.length && (bases[i + 1] ?? Number.POSITIVE_INFINITY) <= v) i++;
  return i;
};

/** Bit-reversed fixed codes, extra bits included, of a match (RFC 1951 §3.2.5-6), as [value, bits] pairs. */
const fixedMatch = (length: number, distance: number): [number, number][] => {
  const li = length === 258 ? 28 : lastAtMost(LENGTH_BASE.slice(0, 28), length);
  const sym = 257 + li;
  const [code, bits] = sym < 280 ? [sym - 256, 7] : [0xc0 + sym - 280, 8];
  const di = lastAtMost(DIST_BASE, distance);
  return [
    [reverse(code, bits), bits],
    [length - (LENGTH_BASE[li] ?? 0), LENGTH_EXTRA[li] ?? 0],
    [reverse(di, 5), 5],
    [distance - (DIST_BASE[di] ?? 0), DIST_EXTRA[di] ?? 0],
  ];
};

/**
 * Writes the first block's symbols up to the last match that copies byte 0 as
 * a fixed-code block: byte 0 as `first`, and each such match as the original
 * byte 0 then the rest of the match (or its bytes, when fewer than 3 remain).
 */
const writePrefix = (w: BitWriter, p: Prefix, first: number, original: number) => {
  w.bits(0, 1);
  w.bits(1, 2);
  let at = 0;
  p.lengths.forEach((length, i) => {
    const value = p.values[i] ?? 0;
    if (i === 0) w.bits(...fixedLiteral(first));
    else if (length === 0) w.bits(...fixedLiteral(value));
    else if (at !== value) for (const [v, n] of fixedMatch(length, value)) w.bits(v, n);
    else {
      w.bits(...fixedLiteral(original));
      if (length - 1 >= 3) for (const [v, n] of fixedMatch(length - 1, value)) w.bits(v, n);
      else for (let j = 1; j < length; j++) w.bits(...fixedLiteral(p.head[j] ?? 0));
    }
    at += length || 1;
  });
  w.bits(0, 7);
};

/** One raw deflate stream that decodes to the parts' outputs one after another. */
export const joinDeflate = (parts: readonly DeflatePart[]): Uint8Array => {
  const w = new BitWriter(new Uint8Array(parts.reduce((n, p) => n + p.data.length, 0) + 16 * parts.length + 64));
  parts.forEach((part, pi) => {
    const { blocks, firstCopied, prefix } = part.walked ?? deflateBlocks(part.data);
    if (part.firstByte !== undefined && firstCopied && !prefix)
      throw new DeflateJoinError('the first byte is copied later in the stream: it cannot be changed alone');
    blocks.forEach((b, bi) => {
      const last = pi === parts.length - 1 && b.final;
      const swap = bi === 0 ? part.firstByte : undefined;
      if (b.stored) {
        // Stored bytes must start on a byte boundary: write the header again rather than copy its padding.
        w.bits(last ? 1 : 0, 1);
        w.bits(0, 2);
        w.align();
        const from = (b.firstSymbol >>> 3) - 4;
        const bytes = part.data.slice(from, b.end >>> 3);
        if (swap !== undefined && bytes.length > 4) bytes[4] = swap;
        w.copy(bytes, 0, bytes.length * 8);
        return;
      }
      if (swap === undefined) {
        w.bits(last ? 1 : 0, 1);
        w.copy(part.data, b.start + 1, b.end);
        return;
      }
      // The new first byte goes in a block of its own (fixed codes: always there, whatever the
      // stream's own tables hold), then the stream's first block without its first literal.
      const old = symbolAt(part.data, b.firstSymbol, litTable(b));
      if (old >>> 4 > 255) throw new DeflateJoinError('stream does not start with a literal');
      if (prefix) {
        // Matches copy byte 0: write the symbols up to the last of them again, then the rest of the block.
        writePrefix(w, prefix, swap, old >>> 4);
        w.bits(last ? 1 : 0, 1);
        w.copy(part.data, b.start + 1, b.firstSymbol);
        w.copy(part.data, prefix.ends.at(-1) ?? b.firstSymbol, b.end);
        return;
      }
      w.bits(0, 1);
      w.bits(1, 2);
      w.bits(...fixedLiteral(swap));
      w.bits(0, 7);
      w.bits(last ? 1 : 0, 1);
      w.copy(part.data, b.start + 1, b.firstSymbol);
      w.copy(part.data, b.firstSymbol + (old & 15), b.end);
    });
  });
  return w.done();
};
