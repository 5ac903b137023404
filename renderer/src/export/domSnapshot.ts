/**
 * A picture of a part of the page as a standalone SVG: the element's subtree,
 * cloned as it is, inside a <foreignObject>, next to the page's own style
 * sheets. The browser then styles the copy exactly as it styles the page.
 *
 * html-to-image instead reads the computed properties (~360) of every element
 * and writes them inline: for a 300-component board, 7,000 elements and
 * millions of `getPropertyValue` calls, three quarters of an export's time
 * even when only non-default values were kept (the former compactStyles.ts).
 * Here the cost is one `cloneNode(true)` and one serialisation (~20 ms), and
 * the SVG stays small and readable: classes and rules, not inline declarations.
 *
 * What keeps the copy looking the same:
 * - The SVG root stands in for <html>: it carries the page root's class and
 *   data attributes, so `:root[data-theme="dark"]` rules set the same theme
 *   variables there (and the rules are the authors' text: see pageStyles.ts).
 * - Selectors that mention other ancestors (`.react-flow.dark …`) still match:
 *   the ancestors come along as `display: contents` wrappers with their
 *   classes, data attributes and inline custom properties; they match rules
 *   but draw no box.
 * - Inherited values set by rules for `html` or `body` (font, colour), which
 *   cannot match inside the picture, are written on the innermost wrapper as
 *   the computed values of the element's parent.
 * - Form fields keep what was typed (a DOM property, not an attribute).
 * Hover and focus styles do not apply in a picture, which is what we want.
 * Images and fonts are not embedded: the board draws with inline SVG icons
 * and system fonts only.
 */

import { pageCss } from './pageStyles';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Inherited properties that rules for `html` or `body` may set: the picture takes them from the element's parent. */
const INHERITED = [
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-stretch',
  'font-variant',
  'font-kerning',
  'font-feature-settings',
  'font-optical-sizing',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-align',
  'text-indent',
  'text-transform',
  'text-rendering',
  'text-shadow',
  'white-space-collapse',
  'text-wrap-mode',
  'word-break',
  'overflow-wrap',
  'hyphens',
  'tab-size',
  'direction',
  'writing-mode',
  'visibility',
  'color-scheme',
  'fill',
  'stroke',
  'stroke-width',
  '-webkit-font-smoothing',
];

/** Attributes that selectors or text shaping may depend on; the rest of an ancestor is left behind. */
const keepAttribute = (name: string) => name === 'class' || name === 'lang' || name === 'dir' || name.startsWith('data-');

/** What selectors and var() see of `from`: its kept attributes and the custom properties of its inline style. */
const copyContext = (from: HTMLElement, to: HTMLElement | SVGElement) => {
  for (const { name, value } of from.attributes) if (keepAttribute(name)) to.setAttribute(name, value);
  for (const name of from.style) if (name.startsWith('--')) to.style.setProperty(name, from.style.getPropertyValue(name));
};

export interface SnapshotOptions {
  /** Size of the picture in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Inline style for the copy of the element (e.g. a transform that frames the part to draw). */
  readonly style: Readonly<Record<string, string>>;
  /** Elements matching this selector are left out of the picture. */
  readonly exclude: string;
  /** A colour under the whole picture; without it the picture is transparent where nothing is drawn. */
  readonly background?: string;
}

/** What was typed in the live fields, written where a copy keeps it. */
const copyFieldValues = (live: Element, copy: Element) => {
  const from = live.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  const to = copy.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  from.forEach((field, i) => {
    const target = to[i];
    if (!target) return;
    if (target instanceof HTMLTextAreaElement) target.textContent = field.value;
    else target.setAttribute('value', field.value);
  });
};

/** A box-less stand-in for `el` that matches the same selectors and passes on its inline custom properties. */
const standIn = (el: HTMLElement): HTMLElement => {
  const div = document.createElement('div');
  copyContext(el, div);
  div.style.display = 'contents';
  return div;
};

/** `root` and its subtree (less `exclude`) as an SVG document of `width × height`. */
export async function snapshotSvg(root: HTMLElement, options: SnapshotOptions): Promise<string> {
  const css = await pageCss(root.ownerDocument);
  const copy = root.cloneNode(true) as HTMLElement;
  copyFieldValues(root, copy);
  for (const el of copy.querySelectorAll(options.exclude)) el.remove();
  Object.assign(copy.style, options.style);

  let picture: HTMLElement = copy;
  const pageRoot = root.ownerDocument.documentElement;
  const parent = root.parentElement;
  if (parent && parent !== pageRoot) {
    const inner = standIn(parent);
    const cs = getComputedStyle(parent);
    for (const name of INHERITED) inner.style.setProperty(name, cs.getPropertyValue(name));
    inner.append(copy);
    picture = inner;
    for (let el = parent.parentElement; el && el !== pageRoot; el = el.parentElement) {
      const wrapper = standIn(el);
      wrapper.append(picture);
      picture = wrapper;
    }
  }

  const svg = document.createElementNS(SVG_NS, 'svg');
  copyContext(pageRoot, svg);
  svg.setAttribute('width', `${options.width}`);
  svg.setAttribute('height', `${options.height}`);
  svg.setAttribute('viewBox', `0 0 ${options.width} ${options.height}`);
  if (options.background) {
    // A rect, not a background on the element: the element is moved by its transform, the frame is not.
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', options.background);
    svg.append(rect);
  }
  const foreign = document.createElementNS(SVG_NS, 'foreignObject');
  for (const [k, v] of [
    ['x', '0'],
    ['y', '0'],
    ['width', '100%'],
    ['height', '100%'],
  ] as const)
    foreign.setAttribute(k, v);
  const style = document.createElementNS(XHTML_NS, 'style');
  style.textContent = css;
  foreign.append(style, picture);
  svg.append(foreign);
  return new XMLSerializer().serializeToString(svg);
}
