/** Small helpers for writing SVG markup as strings: escaping, numbers, attributes. */

/** Escapes text for XML element content and double-quoted attributes. */
export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A coordinate with at most two decimals: enough for a pixel, and short. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

/** Attributes from an object, skipping undefined values. */
export const attrs = (a: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : xmlEscape(v as string)}"`)
    .join('');
