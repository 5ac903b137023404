import * as decoding from 'lib0/decoding';

/*
 * Whether a y-websocket (Yjs V1) update holds a subdocument, found by
 * walking its structs without building them. `Y.decodeUpdate` made an Item
 * and its content for every struct of every incoming update (~8 µs for a
 * 40-byte edit, the largest thing this server did per message that the stock
 * one does not); this reads the same fields in the same order (Yjs's
 * readClientsStructRefs and content readers) and skips what it does not need.
 * Malformed input throws here as it does there (lib0's readers check the
 * end); what Yjs would reject later (bad JSON in a content) is left to
 * Y.applyUpdate, which throws before it integrates anything.
 */

const BITS5 = 0b11111;
const BIT6 = 1 << 5;
const BIT7 = 1 << 6;
const BIT8 = 1 << 7;
/** Content refs (Yjs's contentRefs): 0 is GC, 10 Skip, 9 ContentDoc. */
const CONTENT_DOC = 9;
/** Yjs's typeRefs that read a key: YXmlElement (3) and YXmlHook (5); 0–6 exist. */
const TYPE_WITH_KEY = new Set([3, 5]);
const LAST_TYPE_REF = 6;

/** A varString's bytes: its length, then UTF-8 (lib0 writeVarString), skipped undecoded. */
const skipString = (d: decoding.Decoder): void => void decoding.readVarUint8Array(d);
const skipId = (d: decoding.Decoder): void => {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
};

/** lib0 `any` types read by one call (a string is skipped as its bytes); the constants (undefined, null, booleans) have none. */
const VALUE_READERS: Readonly<Record<number, (d: decoding.Decoder) => unknown>> = {
  125: decoding.readVarInt,
  124: decoding.readFloat32,
  123: decoding.readFloat64,
  122: decoding.readBigInt64,
  119: decoding.readVarUint8Array,
  116: decoding.readVarUint8Array,
};
const CONSTANTS = new Set([127, 126, 121, 120]);

/** One lib0 `any` value (its readAny's types 127 down to 116), read past. */
const skipAny = (d: decoding.Decoder): void => {
  const type = decoding.readUint8(d);
  const read = VALUE_READERS[type];
  if (read) read(d);
  else if (type === 118 || type === 117) {
    // An object (key, value pairs) or an array (values).
    const n = decoding.readVarUint(d);
    for (let i = 0; i < n; i++) {
      if (type === 118) skipString(d);
      skipAny(d);
    }
  } else if (!CONSTANTS.has(type)) throw new Error(`unknown value type ${type}`);
};

/** Reads one item's content (by its ref) past; true when it is a subdocument. */
const skipContent = (d: decoding.Decoder, ref: number): boolean => {
  switch (ref) {
    case 1: // deleted
      decoding.readVarUint(d);
      return false;
    case 2: {
      // JSON: that many strings
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipString(d);
      return false;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return false;
    case 4: // string
    case 5: // embed (JSON as a string)
      skipString(d);
      return false;
    case 6: // format: key, JSON
      skipString(d);
      skipString(d);
      return false;
    case 7: {
      // type
      const typeRef = decoding.readVarUint(d);
      if (typeRef > LAST_TYPE_REF) throw new Error(`unknown type ref ${typeRef}`);
      if (TYPE_WITH_KEY.has(typeRef)) skipString(d);
      return false;
    }
    case 8: {
      // any: that many values
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d);
      return false;
    }
    case CONTENT_DOC:
      return true;
    default:
      throw new Error(`unknown content ref ${ref}`);
  }
};

/** True when the (V1) update holds a subdocument; throws on an update Yjs could not read. */
export const hasSubdocuments = (update: Uint8Array): boolean => {
  const d = decoding.createDecoder(update);
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(d);
    skipId(d); // client, first clock
    for (let s = 0; s < structs; s++) {
      const info = decoding.readUint8(d);
      if (info === undefined) throw new Error('update ends inside its structs');
      const ref = info & BITS5;
      if (ref === 0 || ref === 10) {
        // GC or Skip: a length
        decoding.readVarUint(d);
        continue;
      }
      if (info & BIT8) skipId(d); // origin
      if (info & BIT7) skipId(d); // right origin
      if ((info & (BIT7 | BIT8)) === 0) {
        // Parent: a root type's name, or an item's id; then the map key, if any.
        if (decoding.readVarUint(d) === 1) skipString(d);
        else skipId(d);
        if (info & BIT6) skipString(d);
      }
      if (skipContent(d, ref)) return true;
    }
  }
  return false;
};
