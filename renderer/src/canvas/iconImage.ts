import type { LucideIcon } from 'lucide-react';
import { useSyncExternalStore } from 'react';

/*
 * Components draw their icon as an <img> of an SVG data URL rather than as
 * inline SVG. An inline <svg> gives every node two paint property nodes (the
 * viewBox scale and the root's overflow clip), and at hundreds of nodes
 * Chromium's layerisation of them, run on every drag frame, cost more than
 * the rest of the node (bench/canvas/profile.ts). An image is one draw.
 */

type IconNode = readonly (readonly [tag: string, attrs: Readonly<Record<string, string>>])[];

/**
 * A lucide icon's elements (24 × 24, stroke-drawn), read from the component
 * lucide built them into; null if a future lucide changes that shape, and the
 * caller then draws the component itself.
 */
function iconNodeOf(Icon: LucideIcon): IconNode | null {
  const render = (Icon as unknown as { render?: (props: object, ref: null) => { props?: { icon?: { node?: unknown } } } }).render;
  const node = typeof render === 'function' ? render({}, null)?.props?.icon?.node : undefined;
  return Array.isArray(node) ? (node as IconNode) : null;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const urls = new Map<string, string | null>();

/** The icon drawn in `colour` as lucide draws it at 20 px with a 1.8 stroke, as a data: URL (cached). */
export function iconImageUrl(Icon: LucideIcon, name: string, colour: string): string | null {
  const key = `${name}|${colour}`;
  const cached = urls.get(key);
  if (cached !== undefined) return cached;
  const node = iconNodeOf(Icon);
  const body = node
    ?.map(
      ([tag, attrs]) =>
        `<${tag} ${Object.entries(attrs)
          .filter(([k]) => k !== 'key')
          .map(([k, v]) => `${k}="${attr(String(v))}"`)
          .join(' ')}/>`,
    )
    .join('');
  const url =
    body === undefined
      ? null
      : `data:image/svg+xml,${encodeURIComponent(
          `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="${attr(colour)}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`,
        )}`;
  urls.set(key, url);
  return url;
}

/*
 * Category colours come from the style sheet (`--cat-<category>` on the root,
 * per theme). An image cannot inherit them, so they are read here and read
 * again whenever the root's data-theme changes.
 */
const root = () => document.documentElement;
const subscribeTheme = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(root(), { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
};
const themeNow = () => root().dataset.theme ?? '';
const colours = new Map<string, string>();

/** The colour of `category` in the current theme (`--cat-<category>`), following theme changes. */
export function useCategoryColour(category: string): string {
  const theme = useSyncExternalStore(subscribeTheme, themeNow);
  const key = `${theme}|${category}`;
  let colour = colours.get(key);
  if (colour === undefined) {
    colour = getComputedStyle(root()).getPropertyValue(`--cat-${category}`).trim() || 'currentColor';
    colours.set(key, colour);
  }
  return colour;
}
