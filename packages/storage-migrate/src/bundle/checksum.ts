// The canonical, unambiguous byte encoding a bundle's checksum is taken over
// (docs/bundle-format.md §4). Strings are length-prefixed UTF-16 code units, so every JS string,
// lone surrogates included, has exactly one encoding and no two field sequences collide.
import { u8aToHex } from '@polkadot/util';
import { sha256AsU8a } from '@polkadot/util-crypto';
import { BUNDLE_FORMAT, type BundleV1, SUMMARY_FIELDS } from './types.ts';

const NULL_MARK = 0xffffffff;
const DOMAIN = 'keyport-localstorage-bundle/checksum/v1';

class Writer {
  #buf = new Uint8Array(1024);
  #len = 0;

  #reserve(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  u32(n: number): void {
    this.#reserve(4);
    new DataView(this.#buf.buffer).setUint32(this.#len, n, true);
    this.#len += 4;
  }

  /** u32le(length in code units) ‖ each code unit as u16le. */
  str(s: string): void {
    this.u32(s.length);
    this.#reserve(s.length * 2);
    const b = this.#buf;
    let o = this.#len;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      b[o++] = c & 0xff;
      b[o++] = c >>> 8;
    }
    this.#len = o;
  }

  optStr(s: string | null): void {
    if (s === null) this.u32(NULL_MARK);
    else this.str(s);
  }

  bytes(): Uint8Array {
    return this.#buf.subarray(0, this.#len);
  }
}

/**
 * The canonical encoding of every field of a bundle except the checksum itself:
 * domain ‖ format ‖ version ‖ origin ‖ createdAt ‖ 5 counts ‖ entries ‖ undo.
 *
 * @example sha256AsU8a(canonicalBytes(bundle))
 */
export function canonicalBytes(bundle: BundleV1): Uint8Array {
  const w = new Writer();
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
    for (const a of bundle.undo.after) {
      w.str(a.key);
      w.optStr(a.sha256);
    }
  }
  return w.bytes();
}

/**
 * The bundle's checksum as written in the file: `sha256:` and 64 lowercase hex digits.
 *
 * @example bundleChecksum(bundle) // 'sha256:3f1c…'
 */
export function bundleChecksum(bundle: BundleV1): string {
  return `sha256:${u8aToHex(sha256AsU8a(canonicalBytes(bundle)), -1, false)}`;
}

/**
 * sha-256 of one stored value (its length-prefixed UTF-16 encoding), as 64 lowercase hex digits.
 * Undo bundles record it for every key an import wrote.
 *
 * @example valueDigest('{"address":"5F…"}')
 */
export function valueDigest(value: string): string {
  const w = new Writer();
  w.str(value);
  return u8aToHex(sha256AsU8a(w.bytes()), -1, false);
}
