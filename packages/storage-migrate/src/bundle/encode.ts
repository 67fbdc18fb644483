// Writing a bundle as text: plain (checksummed JSON, two-space indented) or encrypted.
import { type CryptoOptions, KeyportError, sealData } from '@keyport/core';
import { stringToU8a } from '@polkadot/util';
import { base64Encode } from '@polkadot/util-crypto';
import { plainTextWithChecksum } from './checksum.ts';
import { summaryOf } from './text.ts';
import { BUNDLE_ENCRYPTION, BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './types.ts';
import { assertBundle } from './validate.ts';

/** Options of {@link encodeBundle}: a passphrase encrypts; the rest is core's CryptoOptions. */
export interface EncodeBundleOptions extends CryptoOptions {
  /** Encrypts the whole bundle with scrypt + xsalsa20-poly1305; only the counts stay readable. */
  readonly passphrase?: string;
}

/**
 * Writes `bundle` as text in the current version (BUNDLE_VERSION): plain checksummed JSON, or,
 * with a passphrase, the same text sealed with core's envelope so that only format, version and
 * the counts stay readable. A dump read from a version 1 file is written as the current version.
 *
 * @throws INVALID_INPUT / CORRUPT_DATA for a malformed bundle object, INVALID_INPUT for an undo
 * bundle read from a version 1 file (it holds digests, not values: keep that file),
 * PASSWORD_REQUIRED for an empty passphrase, UNSAFE_SCRYPT_PARAMS for parameters polkadot-js
 * would not read.
 * @example await encodeBundle(dumpStorage(localStorage, { now: Date.now }), { passphrase: 'pw' })
 */
export async function encodeBundle(input: Bundle, options: EncodeBundleOptions = {}): Promise<string> {
  assertBundle(input);
  if (input.version !== BUNDLE_VERSION && input.undo !== undefined) {
    throw new KeyportError(
      'INVALID_INPUT',
      `this undo bundle was read from a version ${input.version} file, which records digests instead of values: it cannot be written as version ${BUNDLE_VERSION}; keep the original file`,
    );
  }
  const bundle: Bundle = input.version === BUNDLE_VERSION ? input : { ...input, version: BUNDLE_VERSION };
  const plain = await plainTextWithChecksum(bundle);
  if (options.passphrase === undefined) return plain;
  const sealed = await sealData(stringToU8a(plain), options.passphrase, options);
  const outer = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    summary: summaryOf(bundle.summary),
    encryption: BUNDLE_ENCRYPTION,
    ciphertext: base64Encode(sealed),
  };
  return `${JSON.stringify(outer, null, 2)}\n`;
}
