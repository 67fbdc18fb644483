// Firefox IndexedDB key encoding for string keys (docs/browser-profiles.md §4.4): type byte 0x30,
// then each UTF-16 code unit c as one byte c+1 (c ≤ 0x7E), two bytes (c-0x7F)|0x8000 (c ≤
// 0x3FFF+0x7F) or three bytes (c << 6)|0xC00000, big-endian; a 0 byte or the end closes the
// string (trailing zero bytes are trimmed when stored).
import { corrupt } from '../bytes.ts';

const STRING = 0x30;

/**
 * Decodes a stored IndexedDB string key.
 *
 * @throws CORRUPT_DATA naming `file` for a key of another type (numbers, dates, arrays).
 * @example decodeIdbStringKey(new Uint8Array([0x30, 0x62, 0x73, 0x73]), 'x') // 'arr'
 */
export function decodeIdbStringKey(bytes: Uint8Array, file: string): string {
  if (bytes[0] !== STRING) {
    throw corrupt(file, `an IndexedDB key of type 0x${(bytes[0] ?? 0).toString(16)}, expected a string`);
  }
  const units: number[] = [];
  let i = 1;
  while (i < bytes.length && bytes[i] !== 0) {
    const b = bytes[i]!;
    if ((b & 0x80) === 0) {
      units.push(b - 1);
      i += 1;
    } else if ((b & 0x40) === 0) {
      units.push((((b << 8) | (bytes[i + 1] ?? 0)) & 0x3fff) + 0x7f);
      i += 2;
    } else {
      const v = (b << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      units.push((v & 0x3fffff) >> 6);
      i += 3;
    }
  }
  let out = '';
  for (let j = 0; j < units.length; j += 8192) out += String.fromCharCode(...units.slice(j, j + 8192));
  return out;
}
