import { ICON_ELEMENTS } from '@shared/export/icons.generated';
import { attrs } from '@shared/export/svgMarkup';
import { useSyncExternalStore } from 'react';

/*
 * Components draw their icon as an <img> of an SVG data URL rather than as
 * inline SVG. An inline <svg> gives every node two paint property nodes (the
 * viewBox scale and the root's overflow clip), and at hundreds of nodes
 * Chromium's layerisation of them, run on every drag frame, cost more than
 * the rest of the node (bench/canvas/profile.ts). An image is one draw.
 */

const urls = new Map<string, string>();

/**
 * Catalogue icon `name` drawn in `colour` as lucide draws it at 20 px with a
 * 1.8 stroke, as a data: URL (cached); null for an icon the exported pictures
 * do not know either (shared/export/icons.generated.ts), which the caller draws itself.
 */
export function iconImageUrl(name: string, colour: string): string | null {
  const elements = ICON_ELEMENTS[name];
  if (!elements) return null;
  const key = `${name}|${colour}`;
  let url = urls.get(key);
  if (url === undefined) {
    const body = elements.map(([tag, a]) => `<${tag}${attrs(a)}/>`).join('');
    const svg = `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', width: 20, height: 20, viewBox: '0 0 24 24', fill: 'none', stroke: colour, 'stroke-width': 1.8, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}>${body}</svg>`;
    url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    urls.set(key, url);
  }
  return url;
}

/*
 * Category colours come from the style sheet (`--cat-<category>` on the root,
 * per theme). An image cannot inherit them, so they are read here and read
 * again whenever the root's data-theme changes.
 */
const root = () => document.documentElement;
/** One observer for every component on the board (hundreds), not one each. */
const themeListeners = new Set<() => void>();
let themeObserver: MutationObserver | null = null;
const subscribeTheme = (onChange: () => void) => {
  themeListeners.add(onChange);
  if (!themeObserver) {
    themeObserver = new MutationObserver(() => {
      for (const l of themeListeners) l();
    });
    themeObserver.observe(root(), { attributes: true, attributeFilter: ['data-theme'] });
  }
  return () => {
    themeListeners.delete(onChange);
    if (themeListeners.size > 0) return;
    themeObserver?.disconnect();
    themeObserver = null;
  };
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
