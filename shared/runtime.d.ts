/**
 * The few runtime globals shared/ may use. They exist in browsers, Electron and
 * Node ≥ 20 alike; declaring them here keeps the DOM lib and Node types out.
 */
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
