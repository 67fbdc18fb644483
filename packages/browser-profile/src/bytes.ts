// Little helpers over bytes shared by the LevelDB and SQLite readers: a bounds-checked cursor
// (varints, fixed-width integers, length-prefixed slices), string decoders that keep every code
// unit (lone surrogates included), snappy with a size cap, and the typed error every reader
// throws. Nothing here allocates more than the input asks for without a cap.
import { KeyportError } from '@keyport/core';
import { uncompress } from 'snappyjs';

/** The largest value a reader inflates (snappy) or assembles (log records): 64 MiB. */
export const MAX_VALUE_BYTES = 64 * 2 ** 20;

/**
 * A CORRUPT_DATA error naming the file (and where in it), never quoting its content.
 *
 * @example throw corrupt('000003.log', 'checksum mismatch', 32768)
 */
export function corrupt(file: string, what: string, offset?: number): KeyportError {
  const at = offset === undefined ? '' : ` at byte ${offset}`;
  return new KeyportError('CORRUPT_DATA', `${file}${at}: ${what}`, {
    file,
    ...(offset === undefined ? {} : { offset }),
  });
}

/** A forward-only reader over `bytes[start, end)`; every read checks bounds. */
export class Cursor {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  get left(): number {
    return this.end - this.pos;
  }

  private fail(what: string): never {
    throw corrupt(this.file, what, this.pos);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos++]!;
  }

  /** Little-endian unsigned 32-bit integer. */
  u32(): number {
    if (this.left < 4) this.fail('unexpected end of data');
    const b = this.bytes;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  /** Little-endian unsigned 64-bit integer as a number (exact below 2^53). */
  u64(): number {
    const lo = this.u32();
    return lo + this.u32() * 2 ** 32;
  }

  /** LevelDB varint (7 bits per byte, low first), up to 64 bits, as a number. */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (!Number.isSafeInteger(result)) this.fail('varint too large');
        return result;
      }
      scale *= 128;
    }
    this.fail('varint longer than 10 bytes');
  }

  /** `n` bytes (a view, not a copy). */
  take(n: number): Uint8Array {
    if (n < 0 || n > this.left) this.fail(`a length of ${n} bytes runs past the end`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A varint length, then that many bytes. */
  lengthPrefixed(): Uint8Array {
    return this.take(this.varint());
  }
}

/** Unsigned 32-bit little-endian integer at `offset` (no bounds check beyond the array's). */
export function readU32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>>
    0
  );
}

const CHUNK = 8192;

/**
 * One JS string from 8-bit code units (ISO-8859-1: byte n is U+00nn). Not windows-1252, which
 * TextDecoder('latin1') means.
 *
 * @example latin1(new Uint8Array([0x63, 0xe9])) // 'cé'
 */
export function latin1(bytes: Uint8Array): string {
  if (bytes.length <= 64) {
    // Short keys are the common case: a plain loop beats apply() on a typed array.
    let short = '';
    for (let i = 0; i < bytes.length; i++) short += String.fromCharCode(bytes[i]!);
    return short;
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

/**
 * One JS string from UTF-16LE code units, lone surrogates kept (TextDecoder would replace them).
 *
 * @throws CORRUPT_DATA (naming `file`) for an odd number of bytes.
 * @example utf16le(new Uint8Array([0x2d, 0x4e]), 'x') // '中'
 */
export function utf16le(bytes: Uint8Array, file: string): string {
  if (bytes.length % 2 !== 0) throw corrupt(file, 'a UTF-16 string with an odd number of bytes');
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0, j = 0; j < units.length; i += 2, j++) units[j] = bytes[i]! | (bytes[i + 1]! << 8);
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8 (no byte-order mark handling, no replacement).
 *
 * @throws CORRUPT_DATA (naming `file`) for bytes that are not UTF-8.
 */
export function utf8(bytes: Uint8Array, file: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw corrupt(file, 'text that is not valid UTF-8');
  }
}

/** The bytes of an ASCII/UTF-8 string. */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Inflates raw (unframed) snappy data: a varint length, then the stream.
 *
 * @throws CORRUPT_DATA (naming `file`) for a bad stream or one over MAX_VALUE_BYTES.
 */
export function unsnappy(bytes: Uint8Array, file: string): Uint8Array {
  const plain =
    bytes instanceof Uint8Array && bytes.constructor !== Uint8Array ? new Uint8Array(bytes) : bytes;
  try {
    return uncompress(plain, MAX_VALUE_BYTES);
  } catch (e) {
    const why = e instanceof Error && /too big/.test(e.message) ? 'over 64 MiB' : 'not valid snappy data';
    throw corrupt(file, `a compressed block is ${why}`);
  }
}
