// Version 1's checksum and value digests (docs/bundle-format.md appendix A), kept so that files
// written as version 1 still read: the checksum is taken over length-prefixed UTF-16 code units,
// and undo bundles recorded a sha-256 digest of each value written. Nothing writes these any more.
import { u8aToHex } from '@polkadot/util';
import { sha256AsU8a } from '@polkadot/util-crypto';
import { type AfterDigest, BUNDLE_FORMAT, type Bundle, SUMMARY_FIELDS } from './types.ts';

const NULL_MARK = 0xffffffff;
const DOMAIN = 'keyport-localstorage-bundle/checksum/v1';
// On a little-endian engine (every one keyport runs on) a Uint16Array store is the u16le the
// format wants; elsewhere str() writes the two bytes itself.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes `str(s)` takes: u32 length plus two per code unit. */
const strSize = (s: string): number => 4 + 2 * s.length;
const optStrSize = (s: string | null): number => (s === null ? 4 : strSize(s));

class Writer {
  #buf: Uint8Array<ArrayBuffer>;
  #u16: Uint16Array;
  #view: DataView;
  #len = 0;

  /** `capacity`: the expected size in bytes (the buffer still grows past it). */
  constructor(capacity = 1024) {
    this.#buf = new Uint8Array(Math.max(16, capacity + (capacity & 1)));
    this.#u16 = new Uint16Array(this.#buf.buffer);
    this.#view = new DataView(this.#buf.buffer);
  }

  #reserve(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
    this.#u16 = new Uint16Array(next.buffer);
    this.#view = new DataView(next.buffer);
  }

  u32(n: number): void {
    this.#reserve(4);
    this.#view.setUint32(this.#len, n, true);
    this.#len += 4;
  }

  /** u32le(length in code units) ‖ each code unit as u16le. Offsets stay even throughout. */
  str(s: string): void {
    const n = s.length;
    this.u32(n);
    this.#reserve(n * 2);
    if (LITTLE_ENDIAN) {
      const u = this.#u16;
      const o = this.#len >>> 1;
      for (let i = 0; i < n; i++) u[o + i] = s.charCodeAt(i);
      this.#len += n * 2;
      return;
    }
    const b = this.#buf;
    let o = this.#len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      b[o++] = c & 0xff;
      b[o++] = c >>> 8;
    }
    this.#len = o;
  }

  /** Empties the writer, keeping its buffer. */
  reset(): void {
    this.#len = 0;
  }

  optStr(s: string | null): void {
    if (s === null) this.u32(NULL_MARK);
    else this.str(s);
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.#buf.subarray(0, this.#len);
  }
}

function canonicalSize(bundle: Bundle): number {
  let n = 4 * 9 + strSize(DOMAIN) + strSize(BUNDLE_FORMAT) + optStrSize(bundle.origin);
  n += strSize(bundle.createdAt) + 2 * 24;
  for (const e of bundle.entries) n += 8 + 2 * (e.key.length + e.value.length);
  if (bundle.undo !== undefined) {
    for (const k of bundle.undo.absent) n += strSize(k);
    for (const a of digests(bundle)) n += strSize(a.key) + optStrSize(a.sha256);
  }
  return n;
}

/** A version 1 bundle's undo.after, which assertBundle has checked holds digests. */
function digests(bundle: Bundle): readonly AfterDigest[] {
  return (bundle.undo?.after ?? []) as readonly AfterDigest[];
}

/**
 * Version 1's canonical encoding of every field of a bundle except the checksum itself:
 * domain ‖ format ‖ version ‖ origin ‖ createdAt ‖ 5 counts ‖ entries ‖ undo.
 *
 * @example sha256AsU8a(canonicalBytesV1(bundle))
 */
export function canonicalBytesV1(bundle: Bundle): Uint8Array<ArrayBuffer> {
  const w = new Writer(canonicalSize(bundle));
  w.str(DOMAIN);
  w.str(BUNDLE_FORMAT);
  w.str(String(bundle.version));
  w.optStr(bundle.origin);
  w.str(bundle.createdAt);
  for (const f of SUMMARY_FIELDS) w.str(String(bundle.summary[f]));
  w.u32(bundle.entries.length);
  for (const e of bundle.entries) {
    w.str(e.key);
    w.str(e.value);
  }
  if (bundle.undo === undefined) {
    w.u32(NULL_MARK);
  } else {
    w.u32(bundle.undo.absent.length);
    for (const k of bundle.undo.absent) w.str(k);
    w.u32(bundle.undo.after.length);
    for (const a of digests(bundle)) {
      w.str(a.key);
      w.optStr(a.sha256);
    }
  }
  return w.bytes();
}

// Reused by valueDigest for values up to 64 KiB: an import digests thousands of small values in
// a row. Larger ones get their own buffer, so the scratch never holds megabytes.
const SCRATCH_MAX = 64 * 1024;
const scratch = new Writer(SCRATCH_MAX);

/**
 * sha-256 of one stored value (its length-prefixed UTF-16 encoding), as 64 lowercase hex digits:
 * what a version 1 undo bundle recorded for every key an import wrote.
 *
 * @example valueDigest('{"address":"5F…"}')
 */
export function valueDigest(value: string): string {
  const size = strSize(value);
  const w = size <= SCRATCH_MAX ? scratch : new Writer(size);
  w.reset();
  w.str(value);
  return u8aToHex(sha256AsU8a(w.bytes()), -1, false);
}
