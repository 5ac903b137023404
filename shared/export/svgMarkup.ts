/** Small helpers for writing SVG markup as strings: escaping, numbers, rounded shapes. */

/** Escapes text for XML element content and double-quoted attributes. */
export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A coordinate with at most two decimals: enough for a pixel, and short. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

/** Per-corner radii (horizontal, vertical): top-left, top-right, bottom-right, bottom-left. */
export type Corners = readonly [
  readonly [number, number],
  readonly [number, number],
  readonly [number, number],
  readonly [number, number],
];

/** A rectangle path with its own radii per corner, as CSS draws a box whose borders differ in width. */
export const roundedRectPath = (x: number, y: number, w: number, h: number, [tl, tr, br, bl]: Corners): string => {
  const arc = ([rx, ry]: readonly [number, number], ex: number, ey: number) =>
    rx > 0 && ry > 0 ? `A${num(rx)},${num(ry)} 0 0 1 ${num(ex)},${num(ey)}` : `L${num(ex)},${num(ey)}`;
  return [
    `M${num(x + tl[0])},${num(y)}`,
    `H${num(x + w - tr[0])}`,
    arc(tr, x + w, y + tr[1]),
    `V${num(y + h - br[1])}`,
    arc(br, x + w - br[0], y + h),
    `H${num(x + bl[0])}`,
    arc(bl, x, y + h - bl[1]),
    `V${num(y + tl[1])}`,
    arc(tl, x + tl[0], y),
    'Z',
  ].join('');
};

/** Same radius at every corner. */
export const even = (r: number): Corners => [
  [r, r],
  [r, r],
  [r, r],
  [r, r],
];

/** Attributes from an object, skipping undefined values. */
export const attrs = (a: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : xmlEscape(v as string)}"`)
    .join('');
