/**
 * Keeps text inside an SVG's <metadata> element, as draw.io and Excalidraw do
 * for their editable SVGs. String work only (no DOM), so it runs in tests and
 * on files straight from disk.
 */

/** Our XML namespace for the elements inside <metadata>. */
export const ARCHDRILL_SVG_NS = 'https://archdrill.app/ns/export/1';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    const lower = e.toLowerCase();
    if (lower in named) return named[lower] ?? '';
    return String.fromCodePoint(lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1)));
  });

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Returns `svg` with a <metadata> element holding one `<archdrill:NAME>` per
 * entry, inserted as the root's first child. Names are plain lower-case words.
 */
export const withSvgMetadata = (svg: string, entries: Readonly<Record<string, string>>): string => {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG image: cannot embed the board');
  const items = Object.entries(entries).map(([name, text]) => {
    if (!NAME.test(name)) throw new Error(`invalid metadata name "${name}"`);
    return `<archdrill:${name}>${escapeXml(text)}</archdrill:${name}>`;
  });
  const metadata = `<metadata xmlns:archdrill="${ARCHDRILL_SVG_NS}">${items.join('')}</metadata>`;
  const at = open.index + open[0].length;
  return svg.slice(0, at) + metadata + svg.slice(at);
};

/** The text stored under `name` by withSvgMetadata, or null when there is none. */
export const svgMetadataOf = (svg: string, name: string): string | null => {
  if (!NAME.test(name)) return null;
  // Our element names cannot occur elsewhere: any "<" inside stored text is escaped.
  const item = new RegExp(`<archdrill:${name}>([\\s\\S]*?)</archdrill:${name}>`).exec(svg);
  return item?.[1] === undefined ? null : unescapeXml(item[1]);
};
