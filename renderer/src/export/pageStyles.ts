/**
 * The page's style sheets as their authors wrote them, for a picture that
 * restyles a copy of the DOM (domSnapshot.ts).
 *
 * Not from `cssRules`: Chromium cannot serialise a rule where a shorthand with
 * var() is partly overridden by another shorthand, e.g.
 * `border: 1.5px solid var(--border); border-left: 5px solid var(--cat)`
 * comes back as `border-top-color: ; border-top-style: ; …`, which drops the
 * border. So <style> elements give their text, and linked sheets are fetched
 * (same origin, remembered per URL; `warmPageCss` fetches them while the app
 * starts, so an export neither waits for them nor misses a file replaced on the
 * server since). `cssRules` remains the fallback for a sheet that cannot be
 * fetched.
 */

/** Linked sheets' text by URL; a failed fetch is forgotten, so the next export tries again. */
const fetched = new Map<string, Promise<string | null>>();

const fetchText = (href: string): Promise<string | null> => {
  let text = fetched.get(href);
  if (!text) {
    text = fetch(href)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .catch(() => {
        fetched.delete(href);
        return null;
      });
    fetched.set(href, text);
  }
  return text;
};

/** The rules as the CSSOM serialises them: lossy (see above), but better than nothing. */
const serialisedRules = (sheet: CSSStyleSheet): string => {
  try {
    return Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
  } catch {
    // A sheet from another origin cannot be read.
    return '';
  }
};

const sheetText = async (sheet: CSSStyleSheet): Promise<string> => {
  const owner = sheet.ownerNode;
  if (owner instanceof HTMLStyleElement) return owner.textContent ?? '';
  if (owner instanceof HTMLLinkElement && sheet.href) return (await fetchText(sheet.href)) ?? serialisedRules(sheet);
  return serialisedRules(sheet);
};

const activeSheets = (doc: Document) =>
  Array.from(doc.styleSheets).filter((s) => !s.disabled && (!s.media.mediaText || matchMedia(s.media.mediaText).matches));

/** Every style sheet of the document, in cascade order, as one string. */
export async function pageCss(doc: Document = document): Promise<string> {
  const texts = await Promise.all(activeSheets(doc).map(sheetText));
  return texts.join('\n');
}

/** Starts reading the linked sheets now, for the first export later. */
export function warmPageCss(doc: Document = document): void {
  for (const sheet of activeSheets(doc)) if (sheet.ownerNode instanceof HTMLLinkElement && sheet.href) void fetchText(sheet.href);
}
