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

/**
 * The text of a file's bytes: UTF-16 (little or big endian) when it starts with that byte-order
 * mark, as Windows tools save "Unicode" text, else UTF-8; the mark is dropped and bytes that do
 * not decode become U+FFFD. Every app reads files through this, so a file reads the same in
 * the page and in the CLI.
 *
 * @example textFromBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0])) // '{}'
 */
export function textFromBytes(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
