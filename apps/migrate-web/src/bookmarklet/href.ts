/** The bookmarklet as a javascript: URL, and its size limit. */

/** The bookmarklet's size limit, in characters of its javascript: URL. */
export const MAX_BOOKMARKLET_CHARS = 8000;

/**
 * The `javascript:` URL of the bookmarklet for the page at `pageUrl`: the built script `source`
 * (an IIFE whose value is the entry's function) called with that URL, inside a function so
 * nothing is left on the Apps tab's global scope; `void 0` keeps the tab from navigating.
 *
 * @example bookmarkletHref('https://keyport.example/', code) // 'javascript:(()%3D%3E%7Bvar …'
 */
export function bookmarkletHref(pageUrl: string, source: string): string {
  return `javascript:${encodeURIComponent(`(()=>{${source};keyportBookmarklet(${JSON.stringify(pageUrl)})})();void 0`)}`;
}
