// How Chromium stores a localStorage key or value string (docs/browser-profiles.md §3.2): one
// format byte, then 0x01 → Latin-1 (one byte per code unit, every unit ≤ 0xFF) or 0x00 → the
// raw UTF-16LE code units (lone surrogates kept). An empty byte string is the empty string.
import { corrupt, latin1, utf16le } from '../bytes.ts';

/**
 * Decodes one stored string.
 *
 * @throws CORRUPT_DATA naming `file` for an unknown format byte or odd-length UTF-16 (which
 * Chromium itself would show as the empty string).
 * @example decodeBlinkString(new Uint8Array([1, 0x68, 0x69]), 'x') // 'hi'
 */
export function decodeBlinkString(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) return '';
  const format = bytes[0];
  if (format === 1) return latin1(bytes.subarray(1));
  if (format === 0) return utf16le(bytes.subarray(1), file);
  throw corrupt(file, `a localStorage string with unknown format byte ${format}`);
}

/**
 * Encodes a string the way Chromium stores it (Latin-1 when every code unit fits, else UTF-16LE).
 *
 * @example encodeBlinkString('hi') // Uint8Array [1, 0x68, 0x69]
 */
export function encodeBlinkString(text: string): Uint8Array {
  let narrow = true;
  for (let i = 0; i < text.length && narrow; i++) narrow = text.charCodeAt(i) <= 0xff;
  if (narrow) {
    const out = new Uint8Array(text.length + 1);
    out[0] = 1;
    for (let i = 0; i < text.length; i++) out[i + 1] = text.charCodeAt(i);
    return out;
  }
  const out = new Uint8Array(text.length * 2 + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[1 + 2 * i] = c & 0xff;
    out[2 + 2 * i] = c >>> 8;
  }
  return out;
}
