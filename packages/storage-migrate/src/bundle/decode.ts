// Reading a bundle's text back, checking everything: tags, structure, checksum, and for an
// encrypted bundle the passphrase and the clear counts against the encrypted content.
import { type CryptoOptions, KeyportError, openData } from '@keyport/core';
import { u8aToString } from '@polkadot/util';
import { base64Decode } from '@polkadot/util-crypto';
import { bundleChecksumAsync } from './checksum.ts';
import { BUNDLE_ENCRYPTION, type BundleSummary, type BundleV1, SUMMARY_FIELDS } from './types.ts';
import { assertBundle, checkSummary, checkTag, exactKeys, isObject, need } from './validate.ts';

/** Options of {@link decodeBundle}. */
export interface DecodeBundleOptions extends Pick<CryptoOptions, 'scrypt'> {
  /** Needed for an encrypted bundle; ignored for a plain one. */
  readonly passphrase?: string;
}

const CHECKSUM = /^sha256:[0-9a-f]{64}$/;
// Linear-time check (no nested quantifier: a 5 MB bundle must not exhaust the regexp stack).
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (s: string): boolean => s.length % 4 === 0 && BASE64.test(s);

/** What a bundle shows without its passphrase. */
export interface BundleHeader {
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
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new KeyportError('INVALID_INPUT', `a bundle must be JSON (${(e as Error).name})`);
  }
  need(isObject(value), 'a bundle must be a JSON object', 'INVALID_INPUT');
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
  if (Object.hasOwn(obj, 'encryption')) return { encrypted: true, summary };
  return {
    encrypted: false,
    summary,
    origin: typeof obj.origin === 'string' ? obj.origin : null,
    createdAt: String(obj.createdAt),
    undo: Object.hasOwn(obj, 'undo'),
  };
}

async function decodePlain(obj: Record<string, unknown>): Promise<BundleV1> {
  checkTag(obj);
  need(
    typeof obj.checksum === 'string' && CHECKSUM.test(obj.checksum),
    'checksum must be "sha256:" and 64 lowercase hex digits',
  );
  const { checksum, ...rest } = obj;
  assertBundle(rest);
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
export async function decodeBundle(text: string, options: DecodeBundleOptions = {}): Promise<BundleV1> {
  return decodeBundleValue(parseBundleJson(text), options);
}

/**
 * {@link decodeBundle} on bundle text already parsed to a JSON object (readImportInput parses
 * once to detect the format and does not parse again).
 *
 * @throws as decodeBundle, except INVALID_INPUT for text that is not JSON.
 * @example await decodeBundleValue(JSON.parse(text), { passphrase })
 */
export async function decodeBundleValue(
  obj: Record<string, unknown>,
  options: DecodeBundleOptions = {},
): Promise<BundleV1> {
  checkTag(obj);
  if (!Object.hasOwn(obj, 'encryption')) return decodePlain(obj);

  exactKeys(obj, 'bundle', ['format', 'version', 'summary', 'encryption', 'ciphertext']);
  checkSummary(obj.summary);
  need(
    obj.encryption === BUNDLE_ENCRYPTION,
    `encryption must be ${JSON.stringify(BUNDLE_ENCRYPTION)}`,
    'UNSUPPORTED_FORMAT',
  );
  need(typeof obj.ciphertext === 'string' && isBase64(obj.ciphertext), 'ciphertext must be padded base64');
  if (options.passphrase === undefined || options.passphrase === '') {
    throw new KeyportError('PASSWORD_REQUIRED', 'this bundle is encrypted: a passphrase is required');
  }
  const plain = await openData(base64Decode(obj.ciphertext), options.passphrase, options);
  let inner: Record<string, unknown>;
  try {
    inner = parseBundleJson(u8aToString(plain));
  } catch (e) {
    throw new KeyportError(
      'CORRUPT_DATA',
      `the decrypted bundle is not a JSON object (${(e as Error).name})`,
    );
  } finally {
    plain.fill(0);
  }
  need(!Object.hasOwn(inner, 'encryption'), 'an encrypted bundle must hold a plain bundle');
  const bundle = await decodePlain(inner);
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
