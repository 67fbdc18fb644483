// Reading a bundle's text back, checking everything: tags, structure, checksum, and for an
// encrypted bundle the passphrase and the clear counts against the encrypted content.
import {
  assertEnvelopeParams,
  type CryptoOptions,
  isPlainObject,
  KeyportError,
  openData,
  stripBom,
} from '@keyport/core';
import { u8aToString } from '@polkadot/util';
import { base64Decode } from '@polkadot/util-crypto';
import { bundleChecksumAsync, textChecksumAsync } from './checksum.ts';
import {
  BUNDLE_ENCRYPTION,
  type Bundle,
  type BundleSummary,
  type BundleVersion,
  SUMMARY_FIELDS,
} from './types.ts';
import { assertBundle, checkSummary, checkTag, exactKeys, need } from './validate.ts';

/** A bundle's text, or the promise of its textChecksumAsync. */
export type TextOrChecksum = string | Promise<string | undefined>;

/** Options of {@link decodeBundle}. */
export interface DecodeBundleOptions extends Pick<CryptoOptions, 'scrypt'> {
  /** Needed for an encrypted bundle; ignored for a plain one. */
  readonly passphrase?: string;
}

const CHECKSUM = /^sha256:[0-9a-f]{64}$/;
// Linear-time check (no nested quantifier: a 5 MB bundle must not exhaust the regexp stack).
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** True for padded base64 (what a bundle's ciphertext must be). */
export const isBase64 = (s: string): boolean => s.length % 4 === 0 && BASE64.test(s);

/** What a bundle shows without its passphrase. */
export interface BundleHeader {
  /** The format version the file declares (checked to be one this code reads). */
  readonly version: BundleVersion;
  readonly encrypted: boolean;
  readonly summary: BundleSummary;
  /** Plain bundles only (an encrypted one keeps them inside). */
  readonly origin?: string | null;
  readonly createdAt?: string;
  readonly undo?: boolean;
}

/**
 * Parses bundle text to JSON, tolerating a byte-order mark.
 *
 * @throws INVALID_INPUT when the text is not a JSON object.
 */
export function parseBundleJson(text: string): Record<string, unknown> {
  need(typeof text === 'string', 'a bundle must be text', 'INVALID_INPUT');
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (e) {
    throw new KeyportError('INVALID_INPUT', `a bundle must be JSON (${(e as Error).name})`);
  }
  need(isPlainObject(value), 'a bundle must be a JSON object', 'INVALID_INPUT');
  return value;
}

/**
 * Reads what a bundle shows without decrypting it: whether it is encrypted and its counts.
 *
 * @throws INVALID_INPUT, UNSUPPORTED_FORMAT, UNSUPPORTED_VERSION, CORRUPT_DATA
 * @example readBundleHeader(text).summary.accounts
 */
export function readBundleHeader(text: string): BundleHeader {
  const obj = parseBundleJson(text);
  checkTag(obj);
  checkSummary(obj.summary);
  const summary = obj.summary as unknown as BundleSummary;
  const version = obj.version as BundleVersion;
  if (Object.hasOwn(obj, 'encryption')) return { version, encrypted: true, summary };
  return {
    version,
    encrypted: false,
    summary,
    origin: typeof obj.origin === 'string' ? obj.origin : null,
    createdAt: String(obj.createdAt),
    undo: Object.hasOwn(obj, 'undo'),
  };
}

/**
 * A version 2 file's `undo: {after}` as the in-memory UndoInfo, whose `absent` (the keys the
 * operation created) is every key of `after` that `entries` does not hold. Version 1 files list
 * `absent` themselves. assertBundle checks the result.
 */
function withAbsent(obj: Record<string, unknown>): Record<string, unknown> {
  const u = obj.undo;
  if (obj.version === 1 || u === undefined) return obj;
  need(isPlainObject(u), 'undo must be an object');
  exactKeys(u, 'undo', ['after']);
  need(Array.isArray(u.after), 'undo.after must be a list');
  const held = new Set(
    Array.isArray(obj.entries) ? obj.entries.map((e) => (isPlainObject(e) ? e.key : e)) : [],
  );
  const absent = u.after.flatMap((a) =>
    isPlainObject(a) && typeof a.key === 'string' && !held.has(a.key) ? [a.key] : [],
  );
  return { ...obj, undo: { absent, after: u.after } };
}

/**
 * Checks a parsed plain bundle. `text` is the text it was parsed from, when there is one (or
 * textChecksumAsync of it, started early so that the hashing overlaps the parsing).
 */
async function decodePlain(obj: Record<string, unknown>, text?: TextOrChecksum): Promise<Bundle> {
  checkTag(obj);
  need(
    typeof obj.checksum === 'string' && CHECKSUM.test(obj.checksum),
    'checksum must be "sha256:" and 64 lowercase hex digits',
  );
  const { checksum, ...rest } = withAbsent(obj) as { checksum: string };
  assertBundle(rest);
  // The received text hashed as it is, else the text rebuilt from what it says (a file
  // reformatted without changing its meaning still reads; version 1 is always rebuilt).
  if (rest.version !== 1 && text !== undefined) {
    const asWritten = typeof text === 'string' ? textChecksumAsync(text) : text;
    if ((await asWritten) === checksum) return rest;
  }
  if ((await bundleChecksumAsync(rest)) !== checksum) {
    throw new KeyportError(
      'CHECKSUM_MISMATCH',
      'the bundle does not match its checksum: it was altered or damaged',
    );
  }
  return rest;
}

/**
 * Reads a bundle written by encodeBundle, plain or encrypted, and checks it completely.
 *
 * @throws INVALID_INPUT (not a JSON object), UNSUPPORTED_FORMAT / UNSUPPORTED_VERSION (another
 * format or version), CORRUPT_DATA (a field is missing, unknown or malformed),
 * CHECKSUM_MISMATCH (content altered), PASSWORD_REQUIRED (encrypted, no passphrase),
 * WRONG_PASSWORD (wrong passphrase or altered ciphertext), UNSAFE_SCRYPT_PARAMS.
 * @example const bundle = await decodeBundle(text, { passphrase })
 */
export async function decodeBundle(text: string, options: DecodeBundleOptions = {}): Promise<Bundle> {
  return decodeBundleValue(parseBundleJson(text), options, stripBom(text));
}

/**
 * {@link decodeBundle} on bundle text already parsed to a JSON object (readImportInput parses
 * once to detect the format and does not parse again). `text`, the text `obj` was parsed from
 * (without a byte-order mark) or textChecksumAsync of it, lets an unaltered file be checked as
 * it is instead of rebuilt.
 *
 * @throws as decodeBundle, except INVALID_INPUT for text that is not JSON.
 * @example await decodeBundleValue(JSON.parse(text), { passphrase }, text)
 */
export async function decodeBundleValue(
  obj: Record<string, unknown>,
  options: DecodeBundleOptions = {},
  text?: TextOrChecksum,
): Promise<Bundle> {
  checkTag(obj);
  if (!Object.hasOwn(obj, 'encryption')) return decodePlain(obj, text);

  exactKeys(obj, 'bundle', ['format', 'version', 'summary', 'encryption', 'ciphertext']);
  checkSummary(obj.summary);
  need(
    obj.encryption === BUNDLE_ENCRYPTION,
    `encryption must be ${JSON.stringify(BUNDLE_ENCRYPTION)}`,
    'UNSUPPORTED_FORMAT',
  );
  need(typeof obj.ciphertext === 'string' && isBase64(obj.ciphertext), 'ciphertext must be padded base64');
  const sealed = base64Decode(obj.ciphertext);
  assertEnvelopeParams(sealed); // unsafe scrypt parameters are refused before anyone types a passphrase
  if (options.passphrase === undefined || options.passphrase === '') {
    throw new KeyportError('PASSWORD_REQUIRED', 'this bundle is encrypted: a passphrase is required');
  }
  const plain = await openData(sealed, options.passphrase, options);
  let inner: Record<string, unknown>;
  let innerText: string;
  try {
    innerText = u8aToString(plain);
    inner = parseBundleJson(innerText);
  } catch (e) {
    throw new KeyportError(
      'CORRUPT_DATA',
      `the decrypted bundle is not a JSON object (${(e as Error).name})`,
    );
  } finally {
    plain.fill(0);
  }
  need(!Object.hasOwn(inner, 'encryption'), 'an encrypted bundle must hold a plain bundle');
  const bundle = await decodePlain(inner, stripBom(innerText));
  need(
    bundle.version === obj.version,
    `the encrypted bundle says version ${obj.version} outside and ${bundle.version} inside: the file was altered`,
  );
  const clear = obj.summary as Record<string, unknown>;
  for (const f of SUMMARY_FIELDS) {
    if (clear[f] !== bundle.summary[f]) {
      throw new KeyportError(
        'CHECKSUM_MISMATCH',
        `summary.${f} in clear is ${clear[f]} but the encrypted bundle holds ${bundle.summary[f]}: the file was altered`,
      );
    }
  }
  return bundle;
}
