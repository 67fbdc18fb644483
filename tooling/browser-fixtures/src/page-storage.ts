// The one piece of page code both browser drivers run to write localStorage and read it back,
// kept as source text so that Chromium (playwright-core) and Firefox (puppeteer-core) evaluate
// exactly the same thing.

/**
 * A script expression that removes `remove`, sets `entries`, then returns every key and value
 * the page reads (JSON escapes keep lone surrogates intact on the way in).
 *
 * @example await page.evaluate(setAndReadScript({ a: '1' }, []))
 */
export function setAndReadScript(
  entries: Readonly<Record<string, string>>,
  remove: readonly string[],
): string {
  return `((set, del) => {
  for (const k of del) localStorage.removeItem(k);
  for (const [k, v] of Object.entries(set)) localStorage.setItem(k, v);
  const out = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    out[k] = localStorage.getItem(k);
  }
  return out;
})(${JSON.stringify(entries)}, ${JSON.stringify(remove)})`;
}
