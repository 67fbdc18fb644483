/** File names and the Blob download used by every "Download …" button. */

function isoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The origin's host as a file-name-safe word: `polkadot.js.org`, `127.0.0.1-4173`. */
export function hostLabel(origin: string): string {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = origin; // `null` origins (file://) and the like: sanitised below
  }
  const safe = host.replace(/:/g, '-').replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' ? 'local' : safe;
}

/**
 * `keyport-<host>-<YYYY-MM-DD>.json` (with `-undo` for undo bundles), local date.
 *
 * @example bundleFileName('https://polkadot.js.org', new Date(2026, 0, 31)) // 'keyport-polkadot.js.org-2026-01-31.json'
 */
export function bundleFileName(origin: string, now: Date, suffix = ''): string {
  return `keyport-${hostLabel(origin)}-${isoDate(now)}${suffix}.json`;
}

/**
 * Saves `text` as a file through a Blob URL and a temporary <a download> (no network).
 *
 * @example downloadText(document, 'x.json', '{}')
 */
export function downloadText(doc: Document, fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
