// Two checks every reader of untrusted text needs, kept free of dependencies so that any module
// (including the migrate page's first-load script) can import them alone.

/**
 * True for a plain JSON-like object: not null, not an array.
 *
 * @example isPlainObject({ a: 1 }) // true; isPlainObject([1]) // false
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `text` without a leading byte-order mark (U+FEFF), as editors on Windows often save it.
 *
 * @example stripBom('\ufeff{}') // '{}'
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
