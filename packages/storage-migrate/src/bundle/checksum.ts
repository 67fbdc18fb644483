// A bundle's checksum (docs/bundle-format.md §4). Version 2: sha-256 of the UTF-8 of the plain
// text itself with the 64 digest digits set to `0`. A reader hashes the text it received that
// way, and only when that differs rebuilds the text from the parsed bundle (so a file that was
// reformatted without changing what it means still reads). Version 1: checksum-v1.ts.
import { u8aToHex } from '@polkadot/util';
import { sha256AsU8a } from '@polkadot/util-crypto';
import { canonicalBytesV1 } from './checksum-v1.ts';
import { CHECKSUM_LEAD, plainText } from './text.ts';
import type { Bundle } from './types.ts';

const CHECKSUM_PREFIX = 'sha256:';
const ZERO_DIGEST = '0'.repeat(64);
const utf8 = new TextEncoder();

/**
 * The UTF-8 of `text`, as TextEncoder.encode gives it. Written with encodeInto into a buffer of
 * one byte per code unit first (a bundle's text is mostly ASCII), grown once for the rest:
 * Chromium's encode() of a few megabytes takes about three times as long (8 ms vs 2.7 ms for a
 * 10,000-entry bundle).
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const ascii = new Uint8Array(text.length);
  const head = utf8.encodeInto(text, ascii);
  if (head.read === text.length) return ascii.subarray(0, head.written);
  // encodeInto stops between code points (never inside a surrogate pair); at most 3 bytes per
  // code unit follow.
  const out = new Uint8Array(head.written + (text.length - head.read) * 3);
  out.set(ascii.subarray(0, head.written));
  const tail = utf8.encodeInto(text.slice(head.read), out.subarray(head.written));
  return out.subarray(0, head.written + tail.written);
}

/**
 * The text a version 2 checksum hashes: the bundle's plain text with a zero digest.
 *
 * @example sha256AsU8a(new TextEncoder().encode(canonicalText(bundle)))
 */
export function canonicalText(bundle: Bundle): string {
  return plainText(bundle, ZERO_DIGEST);
}

const hex = (digest: Uint8Array): string => u8aToHex(digest, -1, false);

/** sha-256 with the platform's native WebCrypto where there is one, util-crypto's otherwise. */
async function sha256Async(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  return subtle === undefined ? sha256AsU8a(bytes) : new Uint8Array(await subtle.digest('SHA-256', bytes));
}

/** The bytes the checksum of `bundle` hashes, by its version. */
function checksummed(bundle: Bundle): Uint8Array<ArrayBuffer> {
  if (bundle.version === 1) return canonicalBytesV1(bundle);
  return utf8Bytes(canonicalText(bundle));
}

/**
 * The bundle's checksum as written in the file: `sha256:` and 64 lowercase hex digits.
 *
 * @example bundleChecksum(bundle) // 'sha256:3f1c…'
 */
export function bundleChecksum(bundle: Bundle): string {
  return CHECKSUM_PREFIX + hex(sha256AsU8a(checksummed(bundle)));
}

/**
 * {@link bundleChecksum}, hashed natively where the platform can (Node, Deno, browsers in a
 * secure context). Same result, for the async paths.
 *
 * @example await bundleChecksumAsync(bundle) === bundleChecksum(bundle) // true
 */
export async function bundleChecksumAsync(bundle: Bundle): Promise<string> {
  return CHECKSUM_PREFIX + hex(await sha256Async(checksummed(bundle)));
}

/** Where the digest of a writer's text starts (code units), or -1. */
function digestAt(text: string): number {
  const at = text.indexOf(CHECKSUM_LEAD);
  return at < 0 ? -1 : at + CHECKSUM_LEAD.length;
}

/**
 * A version 2 bundle's plain text with its checksum: the text is hashed with a zero digest,
 * then the digest is put in.
 *
 * @example const text = await plainTextWithChecksum(bundle)
 */
export async function plainTextWithChecksum(bundle: Bundle): Promise<string> {
  const zeroed = canonicalText(bundle);
  const digest = hex(await sha256Async(utf8Bytes(zeroed)));
  const at = digestAt(zeroed);
  return zeroed.slice(0, at) + digest + zeroed.slice(at + digest.length);
}

/**
 * The checksum `text` has if it is a version 2 writer's text as written: the UTF-8 of the text
 * hashed with the 64 bytes after the first checksum lead set to `0`. Equal to the checksum in
 * the text for an unaltered writer's text, so decodeBundle need not rebuild it. Undefined when
 * the text has no checksum lead, or is not well-formed: TextEncoder would turn a lone surrogate
 * into U+FFFD, which JSON.stringify writes as it is, so two texts could hash alike.
 */
export async function textChecksumAsync(text: string): Promise<string | undefined> {
  const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed; // ES2024
  if (typeof wellFormed !== 'function' || !wellFormed.call(text)) return undefined;
  const at = digestAt(text);
  if (at < 0) return undefined;
  const bytes = utf8Bytes(text);
  // The bytes before the digest: one per code unit when they are ASCII, as a writer's are.
  const start = utf8Bytes(text.slice(0, at)).length;
  bytes.fill(0x30, start, start + ZERO_DIGEST.length);
  return CHECKSUM_PREFIX + hex(await sha256Async(bytes));
}
