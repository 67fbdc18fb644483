// Writing a bundle as text: plain (checksummed JSON, one entry per line) or encrypted.
import { type CryptoOptions, sealData } from '@keyport/core';
import { stringToU8a } from '@polkadot/util';
import { base64Encode } from '@polkadot/util-crypto';
import { bundleChecksumAsync } from './checksum.ts';
import { BUNDLE_ENCRYPTION, BUNDLE_FORMAT, BUNDLE_VERSION, type BundleV1, SUMMARY_FIELDS } from './types.ts';
import { assertBundle } from './validate.ts';

/** Options of {@link encodeBundle}: a passphrase encrypts; the rest is core's CryptoOptions. */
export interface EncodeBundleOptions extends CryptoOptions {
  /** Encrypts the whole bundle with scrypt + xsalsa20-poly1305; only the counts stay readable. */
  readonly passphrase?: string;
}

const j = JSON.stringify;

function summaryText(bundle: BundleV1): string {
  return `{${SUMMARY_FIELDS.map((f) => `${j(f)}: ${bundle.summary[f]}`).join(', ')}}`;
}

/**
 * The plain bundle text (docs/bundle-format.md §3). The checksum comes as a promise: the lines
 * of a large bundle are built while the platform hashes it.
 */
async function plainBundleText(bundle: BundleV1, checksum: Promise<string>): Promise<string> {
  const entries = bundle.entries.map((e) => `    {"key": ${j(e.key)}, "value": ${j(e.value)}}`);
  const undo = bundle.undo;
  const last = undo === undefined ? '' : ',';
  const tail = [
    entries.length === 0 ? `  "entries": []${last}` : `  "entries": [\n${entries.join(',\n')}\n  ]${last}`,
  ];
  if (undo !== undefined) {
    const after = undo.after.map((a) => `      {"key": ${j(a.key)}, "sha256": ${j(a.sha256)}}`);
    tail.push(
      `  "undo": {\n    "absent": ${j(undo.absent)},\n    "after": ` +
        (after.length === 0 ? '[]' : `[\n${after.join(',\n')}\n    ]`) +
        '\n  }',
    );
  }
  return [
    '{',
    `  "format": ${j(BUNDLE_FORMAT)},`,
    `  "version": ${BUNDLE_VERSION},`,
    `  "origin": ${j(bundle.origin)},`,
    `  "createdAt": ${j(bundle.createdAt)},`,
    `  "summary": ${summaryText(bundle)},`,
    `  "checksum": ${j(await checksum)},`,
    ...tail,
    '}',
    '',
  ].join('\n');
}

/**
 * Writes `bundle` as text: plain checksummed JSON, or, with a passphrase, the same text sealed
 * with core's envelope so that only format, version and the counts stay readable.
 *
 * @throws INVALID_INPUT / CORRUPT_DATA for a malformed bundle object, PASSWORD_REQUIRED for an
 * empty passphrase, UNSAFE_SCRYPT_PARAMS for parameters polkadot-js would not read.
 * @example await encodeBundle(dumpStorage(localStorage, { now: Date.now }), { passphrase: 'pw' })
 */
export async function encodeBundle(bundle: BundleV1, options: EncodeBundleOptions = {}): Promise<string> {
  assertBundle(bundle);
  const plain = await plainBundleText(bundle, bundleChecksumAsync(bundle));
  if (options.passphrase === undefined) return plain;
  const sealed = await sealData(stringToU8a(plain), options.passphrase, options);
  return [
    '{',
    `  "format": ${j(BUNDLE_FORMAT)},`,
    `  "version": ${BUNDLE_VERSION},`,
    `  "summary": ${summaryText(bundle)},`,
    `  "encryption": ${j(BUNDLE_ENCRYPTION)},`,
    `  "ciphertext": ${j(base64Encode(sealed))}`,
    '}',
    '',
  ].join('\n');
}
